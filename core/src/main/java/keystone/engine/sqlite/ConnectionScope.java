package keystone.engine.sqlite;

import keystone.engine.sqlite.SqliteStatement;
import keystone.engine.sqlite.SqliteConnection;
import keystone.engine.spi.CallScope;

/** A call scope together with the connection it runs on. */
interface ConnectionScope extends CallScope {
  SqliteConnection connection();

  @Override
  SqliteStatement prepare(String sql);
}
