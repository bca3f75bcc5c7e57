package keystone.engine.sqlite;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import keystone.engine.KeystoneException;
import keystone.engine.sqlite.SqliteConnection;

/**
 * Who holds the connection, and how deep. One thread at a time owns the connection from the
 * start of its outermost scope to the end of it, so a transaction never sees another thread's
 * statements; nested scopes on that thread become savepoints. Scopes are pooled by depth: a DAO
 * call allocates nothing here.
 */
final class Transactions {
  private final SqliteConnection connection;
  private final Hooks hooks;
  private final long timeoutNanos;
  private final Consumer<String> trace;
  private final ReentrantLock lock = new ReentrantLock();
  private Scope[] scopes = new Scope[8];
  private int depth;
  private boolean transactionOpen;
  private boolean checkBeforeCommit;
  private volatile boolean closed;

  /** What the engine adds at the edges of a transaction. */
  interface Hooks {
    /** Commits, checking deferred keys first when asked; rolls back and throws on violations. */
    void commit(boolean checkFirst);

    /** A savepoint was rolled back, undoing any temporary DDL made inside it. */
    void savepointRolledBack();

    /** The outermost transaction is over. */
    void transactionEnded(boolean committed);
  }

  Transactions(SqliteConnection connection, Duration timeout, Consumer<String> trace, Hooks hooks) {
    this.connection = connection;
    this.trace = trace;
    this.timeoutNanos = timeout.toNanos();
    this.hooks = hooks;
  }

  Scope begin(boolean write) {
    return enter(write ? Scope.Mode.WRITE : Scope.Mode.READ);
  }

  /** A scope for one statement that SQLite makes atomic by itself. */
  Scope beginStatement() {
    return enter(Scope.Mode.STATEMENT);
  }

  private Scope enter(Scope.Mode mode) {
    acquire();
    try {
      if (closed) {
        throw new KeystoneException("The database is closed");
      }
      Scope scope = scopeAt(depth);
      scope.start(mode, transactionOpen);
      depth++;
      return scope;
    } catch (RuntimeException e) {
      lock.unlock();
      throw e;
    }
  }

  private void acquire() {
    try {
      if (!lock.tryLock(timeoutNanos, TimeUnit.NANOSECONDS)) {
        throw new KeystoneException(
            "The write connection did not become free within "
                + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms: another thread holds a"
                + " transaction that long. Keep transactions short, or raise acquireTimeout");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeystoneException("Interrupted while waiting for the write connection", e);
    }
  }

  /** Whether the calling thread holds the writer, so its reads must go through it too. */
  boolean heldByCurrentThread() {
    return lock.isHeldByCurrentThread();
  }

  private Scope scopeAt(int level) {
    if (level == scopes.length) {
      scopes = Arrays.copyOf(scopes, level * 2);
    }
    if (scopes[level] == null) {
      scopes[level] = new Scope(this, level);
    }
    return scopes[level];
  }

  /** Whether the calling thread is inside a transaction (its own or an enclosing call's). */
  boolean inTransactionOnThisThread() {
    return lock.isHeldByCurrentThread() && transactionOpen;
  }

  /** The commit must run {@code foreign_key_check} first: SQLite's own count can't be trusted. */
  void requireCheckBeforeCommit() {
    checkBeforeCommit = true;
  }

  SqliteConnection connection() {
    return connection;
  }

  /** The SQL listener of the builder's traceSql, or null. */
  Consumer<String> trace() {
    return trace;
  }

  boolean isClosed() {
    return closed;
  }

  void transactionStarted() {
    transactionOpen = true;
    checkBeforeCommit = false;
  }

  void commitTransaction() {
    hooks.commit(checkBeforeCommit);
  }

  void savepointRolledBack() {
    hooks.savepointRolledBack();
  }

  void transactionEnded(boolean committed) {
    transactionOpen = false;
    checkBeforeCommit = false;
    hooks.transactionEnded(committed);
  }

  void exit() {
    depth--;
    lock.unlock();
  }

  /** Waits for the current owner, rolls back what the calling thread left open, and closes. */
  void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (transactionOpen) {
        Scope.execQuietly(connection, "ROLLBACK");
        transactionOpen = false;
      }
      connection.close();
    } finally {
      lock.unlock();
    }
  }
}
