package keystone.engine.sqlite.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import keystone.engine.sqlite.driver.DriverConnection;
import keystone.engine.sqlite.driver.OpenOptions;
import keystone.engine.sqlite.driver.SqliteDriver;
import org.sqlite.SQLiteConfig;

/**
 * The desktop and server driver: sqlite-jdbc's bundled SQLite (https://github.com/xerial/sqlite-jdbc),
 * found by the engine through {@link java.util.ServiceLoader}.
 */
public final class SqliteJdbcDriver implements SqliteDriver {
  @Override
  public DriverConnection open(Path file, OpenOptions options) {
    SQLiteConfig config = new SQLiteConfig();
    // Settings that only take effect at open; the dialect sets and checks the rest itself.
    config.enforceForeignKeys(true);
    // Otherwise every INSERT the driver runs is followed by a SELECT last_insert_rowid() on a new
    // Statement (its JDBC getGeneratedKeys), which the dialect never reads: it asks for RETURNING.
    config.setGetGeneratedKeys(false);
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
    String url = file == null ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + file.toAbsolutePath();
    try {
      Connection connection = config.createConnection(url);
      return new JdbcConnection(connection);
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public String name() {
    return "sqlite-jdbc " + org.sqlite.SQLiteJDBCLoader.getVersion();
  }
}
