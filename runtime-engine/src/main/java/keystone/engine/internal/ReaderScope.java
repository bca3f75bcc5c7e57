package keystone.engine.internal;

import keystone.engine.sqlite.JdbcStatement;
import keystone.engine.sqlite.SqliteConnection;

/** A read outside any transaction, on a pooled read-only connection. */
final class ReaderScope implements ConnectionScope {
  private final Readers readers;
  private final SqliteConnection connection;

  ReaderScope(Readers readers, SqliteConnection connection) {
    this.readers = readers;
    this.connection = connection;
  }

  @Override
  public SqliteConnection connection() {
    return connection;
  }

  @Override
  public JdbcStatement prepare(String sql) {
    return connection.prepare(sql);
  }

  @Override
  public void succeed() {
    // A single read needs no commit.
  }

  @Override
  public void end() {
    readers.release(this);
  }
}
