package keystone.android;

import android.database.sqlite.SQLiteDatabase;
import android.database.sqlite.SQLiteException;
import android.database.sqlite.SQLiteStatement;
import java.util.Comparator;
import keystone.engine.sqlite.driver.DriverConnection;
import keystone.engine.sqlite.driver.DriverException;
import keystone.engine.sqlite.driver.DriverStatement;

/**
 * One Keystone connection on one {@link SQLiteDatabase} whose pool holds exactly one SQLite
 * connection (no WAL pool: see {@link AndroidSqliteDriver}), so every statement, and SQLite's
 * transaction state, is on the same connection.
 */
final class AndroidConnection implements DriverConnection {
  /** The savepoint that stands for the dialect's BEGIN ... COMMIT: see {@link TransactionControl}. */
  static final String TRANSACTION = "keystone_transaction";

  private final SQLiteDatabase database;
  /** Rows the last statement run without a cursor changed; -1 when another statement ran since. */
  private long lastChanges = -1;
  private SQLiteStatement changesQuery;
  private SQLiteStatement rowidQuery;

  AndroidConnection(SQLiteDatabase database) {
    this.database = database;
  }

  SQLiteDatabase database() {
    return database;
  }

  @Override
  public DriverStatement prepare(String sql) {
    TransactionControl control = TransactionControl.of(sql);
    if (control != null) {
      return new ControlStatement(this, control);
    }
    return new AndroidStatement(this, sql);
  }

  void changed(long rows) {
    lastChanges = rows;
  }

  @Override
  public long changes() {
    if (lastChanges >= 0) {
      return lastChanges;
    }
    changesQuery = compiled(changesQuery, "SELECT changes()");
    return longQuery(changesQuery);
  }

  @Override
  public long lastInsertRowid() {
    rowidQuery = compiled(rowidQuery, "SELECT last_insert_rowid()");
    return longQuery(rowidQuery);
  }

  private SQLiteStatement compiled(SQLiteStatement statement, String sql) {
    try {
      return statement != null ? statement : database.compileStatement(sql);
    } catch (SQLiteException | IllegalStateException e) {
      throw AndroidErrors.of(e);
    }
  }

  private static long longQuery(SQLiteStatement statement) {
    try {
      return statement.simpleQueryForLong();
    } catch (SQLiteException | IllegalStateException e) {
      throw AndroidErrors.of(e);
    }
  }

  /**
   * BEGIN as a savepoint. BEGIN IMMEDIATE also takes the write lock at once, as SQLite's would:
   * {@code PRAGMA incremental_vacuum(0)} is a write that changes nothing in a file without
   * auto-vacuum (Keystone's, Android's default) and writes no page, but waits for the lock under
   * {@code busy_timeout} like any write. No state is kept here: SQLite's savepoint stack is the
   * only record, so an error that makes SQLite roll back on its own cannot put them apart.
   */
  void begin(boolean immediate) {
    run("SAVEPOINT " + TRANSACTION);
    if (immediate) {
      try {
        run("PRAGMA incremental_vacuum(0)");
      } catch (DriverException e) {
        rollback();
        throw e;
      }
    }
  }

  /** COMMIT as the RELEASE of the outermost savepoint; on failure the transaction stays open. */
  void commit() {
    end("RELEASE " + TRANSACTION, "cannot commit - no transaction is active");
  }

  /**
   * ROLLBACK as ROLLBACK TO and RELEASE of the outermost savepoint. After an error that SQLite
   * answers by rolling the whole transaction back itself (full disk, out of memory, some I/O
   * errors: https://www.sqlite.org/lang_transaction.html) no savepoint is left, as SQLite's own
   * ROLLBACK would find no transaction.
   */
  void rollback() {
    end("ROLLBACK TO " + TRANSACTION, "cannot rollback - no transaction is active");
    run("RELEASE " + TRANSACTION);
  }

  private void end(String sql, String noTransaction) {
    try {
      run(sql);
    } catch (DriverException e) {
      if (e.sqliteMessage().startsWith("no such savepoint")) {
        throw new DriverException(1, noTransaction, e);
      }
      throw e;
    }
  }

  private void run(String sql) {
    try {
      database.execSQL(sql);
    } catch (SQLiteException | IllegalStateException e) {
      throw AndroidErrors.of(e);
    }
  }

  /** Android's SQLite has no public way to add a collation. */
  @Override
  public boolean createCollation(String name, Comparator<String> order) {
    return false;
  }

  @Override
  public void close() {
    try {
      database.close();
    } catch (SQLiteException | IllegalStateException e) {
      throw AndroidErrors.of(e);
    }
  }
}
