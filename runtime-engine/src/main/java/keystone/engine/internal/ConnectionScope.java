package keystone.engine.internal;

import keystone.engine.sqlite.JdbcStatement;
import keystone.engine.sqlite.SqliteConnection;
import keystone.engine.spi.CallScope;

/** A call scope together with the connection it runs on. */
interface ConnectionScope extends CallScope {
  SqliteConnection connection();

  @Override
  JdbcStatement prepare(String sql);
}
