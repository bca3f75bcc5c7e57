package keystone.engine.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/** A HikariCP pool for a JDBC URL; kept apart so SQLite-only applications never load HikariCP. */
public final class PgPool {
  private PgPool() {}

  public static HikariDataSource open(String jdbcUrl, int size, Duration acquireTimeout) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(Math.max(2, size));
    config.setConnectionTimeout(Math.max(250, acquireTimeout.toMillis()));
    config.setPoolName("keystone");
    config.setAutoCommit(true);
    // pgjdbc releases the savepoint it sends with a statement (PgAutosave), in the same round
    // trip as the next statement; without it each would stay until the transaction ends.
    config.addDataSourceProperty("cleanupSavepoints", "true");
    return new HikariDataSource(config);
  }
}
