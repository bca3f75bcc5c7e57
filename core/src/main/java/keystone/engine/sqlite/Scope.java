package keystone.engine.sqlite;

import keystone.engine.KeystoneException;
import keystone.engine.sqlite.SqliteStatement;
import keystone.engine.sqlite.SqliteConnection;

/**
 * One atomic unit: a transaction at the outermost level, a savepoint inside one
 * (https://www.sqlite.org/lang_savepoint.html), or nothing for a read outside a transaction,
 * which a single statement already makes atomic.
 */
final class Scope implements ConnectionScope {
  private enum Kind {
    NONE,
    TRANSACTION,
    SAVEPOINT,
    /** One statement outside a transaction: SQLite's autocommit makes it atomic. */
    AUTOCOMMIT
  }

  private final Transactions transactions;
  private final String savepoint;
  private final String release;
  private final String rollbackTo;
  private Kind kind = Kind.NONE;
  private boolean done;

  Scope(Transactions transactions, int level) {
    this.transactions = transactions;
    this.savepoint = "SAVEPOINT ks_" + level;
    this.release = "RELEASE ks_" + level;
    this.rollbackTo = "ROLLBACK TO ks_" + level;
  }

  /** What the caller will do in the scope. */
  enum Mode {
    READ,
    WRITE,
    /** One statement (or batch) that cannot cascade: atomic by itself in SQLite. */
    STATEMENT
  }

  void start(Mode mode, boolean insideTransaction) {
    done = false;
    if (mode == Mode.READ) {
      kind = Kind.NONE;
    } else if (mode == Mode.STATEMENT) {
      kind = insideTransaction ? Kind.NONE : Kind.AUTOCOMMIT;
    } else if (insideTransaction) {
      transactions.connection().exec(savepoint);
      kind = Kind.SAVEPOINT;
    } else {
      // IMMEDIATE takes the write lock now, so a busy file fails here rather than mid-call.
      transactions.connection().exec("BEGIN IMMEDIATE");
      transactions.transactionStarted();
      kind = Kind.TRANSACTION;
    }
  }

  @Override
  public SqliteConnection connection() {
    return transactions.connection();
  }

  @Override
  public SqliteStatement prepare(String sql) {
    if (transactions.trace() != null) {
      transactions.trace().accept(sql);
    }
    return transactions.connection().prepare(sql);
  }

  @Override
  public void succeed() {
    if (kind == Kind.SAVEPOINT) {
      transactions.connection().exec(release);
    } else if (kind == Kind.TRANSACTION) {
      transactions.commitTransaction();
    }
    done = true;
  }

  @Override
  public void end() {
    try {
      if (!transactions.isClosed()) {
        if (!done) {
          rollback();
        }
        if (kind == Kind.TRANSACTION || kind == Kind.AUTOCOMMIT) {
          transactions.transactionEnded(done);
        }
      }
    } finally {
      transactions.exit();
    }
  }

  private void rollback() {
    if (kind == Kind.SAVEPOINT) {
      execQuietly(transactions.connection(), rollbackTo);
      execQuietly(transactions.connection(), release);
      transactions.savepointRolledBack();
    } else if (kind == Kind.TRANSACTION) {
      execQuietly(transactions.connection(), "ROLLBACK");
    }
  }

  /**
   * Ends a transaction (usually rolls it back), keeping the error that caused it as the one
   * reported: SQLite may have ended the transaction itself already (https://www.sqlite.org/lang_transaction.html#response_to_errors_within_a_transaction).
   */
  static void execQuietly(SqliteConnection connection, String sql) {
    try {
      connection.exec(sql);
    } catch (KeystoneException alreadyEnded) {
      // Nothing left to undo.
    }
  }
}
