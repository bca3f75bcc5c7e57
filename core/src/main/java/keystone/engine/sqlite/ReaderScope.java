package keystone.engine.sqlite;

import keystone.engine.sqlite.SqliteStatement;
import keystone.engine.sqlite.SqliteConnection;

/** A read outside any transaction, on a pooled read-only connection. */
final class ReaderScope implements ConnectionScope {
  private final Readers readers;
  private final SqliteConnection connection;
  private boolean snapshot;

  ReaderScope(Readers readers, SqliteConnection connection) {
    this.readers = readers;
    this.connection = connection;
  }

  @Override
  public SqliteConnection connection() {
    return connection;
  }

  @Override
  public SqliteStatement prepare(String sql) {
    if (readers.trace() != null) {
      readers.trace().accept(sql);
    }
    return connection.prepare(sql);
  }

  /** Holds one WAL snapshot for every statement until the end (https://www.sqlite.org/wal.html). */
  void startSnapshot() {
    connection.exec("BEGIN");
    snapshot = true;
  }

  @Override
  public void succeed() {
    // Reads have nothing to commit; a snapshot ends in end().
  }

  @Override
  public void end() {
    try {
      if (snapshot) {
        snapshot = false;
        Scope.execQuietly(connection, "COMMIT");
      }
    } finally {
      readers.release(this);
    }
  }
}
