package keystone.engine.postgres;

import javax.sql.DataSource;
import keystone.engine.core.EngineConfig;
import keystone.engine.core.PostgresProvider;
import keystone.engine.spi.Engine;
import keystone.engine.spi.Schema;

/** Opens {@link PostgresEngine} for the core, on a pool of its own or the application's. */
public final class PgProvider implements PostgresProvider {
  @Override
  public void require(boolean pooled) {
    PgRequirements.require(pooled);
  }

  @Override
  public Engine open(Schema schema, EngineConfig config) {
    DataSource source = config.postgresDataSource();
    AutoCloseable owned = null;
    if (source == null) {
      com.zaxxer.hikari.HikariDataSource pool =
          PgPool.open(config.postgresUrl(), config.readers() + 1, config.acquireTimeout());
      source = pool;
      owned = pool;
    }
    return PostgresEngine.open(
        schema, source, owned, config.trace(), config.migrations(), config.deferrableKeys());
  }
}
