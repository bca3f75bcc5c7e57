package keystone.engine.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import keystone.engine.ConnectionLostException;
import keystone.engine.KeystoneException;
import org.postgresql.PGConnection;

/**
 * The connection a thread holds from its outermost call to the end of it, with the statements
 * kept for that connection ({@link PgPreparedCache}), checked out for the call. PostgreSQL aborts a whole transaction on any error, so every nested call
 * runs in a savepoint: that keeps SQLite's "the failed call is undone, the transaction goes on".
 *
 * <p>A pool may lend a connection that died while it sat idle (the server restarted, an
 * administrator ended the session). The call's first exchange with the server then fails with
 * nothing done, and {@link #firstContact} runs it again on a fresh connection.
 */
final class PgSession {
  /** More than a pool holds: each dead connection met is evicted before the next is borrowed. */
  private static final int MAX_RECONNECTS = 32;

  private final Supplier<Connection> pool;
  private final PgPreparedCache cache;
  private Connection connection;
  /** The connection's statements, checked out for this call. */
  private PgPreparedCache.Held held;
  /** The statements this call attached, to detach at its end. */
  private final List<PgStatement> used = new ArrayList<>();
  /** Nothing has been sent on {@link #connection} yet. */
  private boolean fresh = true;
  /** Auto-commit is off: whatever the connection did is undone if it dies. */
  private boolean manual;
  private int reconnects;
  int depth;
  boolean transaction;
  boolean deferred;
  /**
   * The transaction is one call's single statement (or batch): a failure rolls all of it back, so
   * the statement keeps no savepoint of its own.
   */
  boolean oneStatement;
  /**
   * The transaction has sent nothing yet: the server holds nothing of it, so the first statement
   * needs no savepoint. Its failure rolls the empty transaction back, which undoes that statement
   * alone, and the next statement opens a new one (auto-commit stays off). Anything else sent on
   * the connection ({@link #connection}, {@link #lent}, {@link #exec}) ends this.
   */
  boolean untouched;
  /**
   * The call is one statement outside a transaction that runs no foreign-key action
   * ({@link PgScope.Kind#SINGLE}): it runs in auto-commit unless {@link #beginLate} opens a
   * transaction for it.
   */
  boolean single;
  /** Whether the keys are DEFERRABLE, so that SET CONSTRAINTS can defer them. */
  final boolean deferrableKeys;
  /**
   * Whether a statement inside a transaction sends its savepoint with it ({@link PgAutosave}),
   * so that a read call there needs no savepoint of its own.
   */
  final boolean pipelined;
  private PGConnection pg;

  PgSession(
      Supplier<Connection> pool, PgPreparedCache cache, boolean deferrableKeys,
      boolean pipelined) {
    this.pool = pool;
    this.cache = cache;
    this.deferrableKeys = deferrableKeys;
    this.pipelined = pipelined;
    this.connection = pool.get();
    this.held = cache.take(connection);
  }

  /** The driver's own connection, for {@link PgAutosave}. */
  PGConnection pg() throws SQLException {
    if (pg == null) {
      pg = held.pg != null ? held.pg : connection.unwrap(PGConnection.class);
    }
    return pg;
  }

  /** The connection to prepare statements on, under the pool's proxy (see PgPreparedCache). */
  Connection physical() {
    return held.physical;
  }

  /** The connection, for work that {@link #firstContact} cannot run again. */
  Connection connection() {
    fresh = false;
    untouched = false;
    return connection;
  }

  /** Whether nothing has been sent on the connection yet. */
  boolean fresh() {
    return fresh;
  }

  /** The connection, to prepare statements on: preparing sends nothing to the server yet. */
  Connection lent() {
    untouched = false;
    return connection;
  }

  /** Whether auto-commit is off: a transaction is open or starts with the next statement. */
  boolean manual() {
    return manual;
  }

  /**
   * Opens the transaction of a {@link #single} call that needs one after all (a batch, or a
   * second statement after its own); nothing is sent until its statement runs. The transaction
   * holds that statement alone, so the statement keeps no savepoint.
   */
  void beginLate() throws SQLException {
    manualCommit(true);
    transaction = true;
    oneStatement = true;
  }

  /** Auto-commit off (a transaction) or on; nothing is sent to the server. */
  void manualCommit(boolean on) throws SQLException {
    connection.setAutoCommit(!on);
    manual = on;
  }

  PgStatement statement(PgSql.Adapted sql, PgErrors errors) {
    PgStatement cached = held.get(sql.sql());
    if (cached == null) {
      cached = new PgStatement(held.physical, sql, errors);
      held.put(sql.sql(), cached);
    }
    if (cached.session() != this) {
      cached.attach(this);
      used.add(cached);
    }
    return cached;
  }

  /** Keeps a statement moved onto this session's new connection ({@link #firstContact}). */
  void adopt(PgStatement statement, String sql) {
    held.put(sql, statement);
  }

  /**
   * Runs the call's first exchange with the server; later exchanges run as they are. When the
   * connection turns out dead, nothing the call did can have stayed on the server (auto-commit is
   * off, or {@code idempotent} says the exchange only reads, or a write in auto-commit was
   * refused by a server that had ended the session first: its {@link ConnectionLostException}
   * then says the outcome is known), so it runs again on a fresh connection, after
   * {@code reattach} has moved the caller's state onto it.
   */
  <T> T firstContact(boolean idempotent, Supplier<T> exchange, Runnable reattach) {
    if (!fresh) {
      return exchange.get();
    }
    while (true) {
      fresh = false;
      try {
        return exchange.get();
      } catch (ConnectionLostException lost) {
        boolean undone = manual || idempotent || (single && !transaction);
        if (lost.commitOutcomeUnknown() || !undone || ++reconnects > MAX_RECONNECTS) {
          throw lost;
        }
        reconnect(lost);
        reattach.run();
      }
    }
  }

  /** Drops the dead connection (the pool evicts it) and borrows another in the same mode. */
  private void reconnect(ConnectionLostException lost) {
    // The statements stay attached to this call: the one that met the dead connection moves onto
    // the new one (PgStatement.reattach), the others are closed with their connection.
    held.closeAll();
    // The driver's connection closed here, so that the pool, which saw no error on statements
    // prepared under its proxy, evicts it when the proxy is closed.
    closeQuietly(held.physical);
    closeQuietly(connection);
    pg = null;
    try {
      connection = pool.get();
      held = cache.take(connection);
      connection.setAutoCommit(!manual);
    } catch (KeystoneException down) {
      down.addSuppressed(lost);
      throw down;
    } catch (SQLException e) {
      throw PgFaults.beforeCommit(e, null);
    }
    fresh = true;
  }

  void exec(String sql) {
    untouched = false;
    firstContact(false, () -> {
      try (java.sql.Statement st = connection.createStatement()) {
        st.execute(sql);
        return null;
      } catch (SQLException e) {
        if (PgFaults.lost(e)) {
          throw PgFaults.beforeCommit(e, sql);
        }
        throw new KeystoneException(e.getMessage() + " in: " + sql, e);
      }
    }, () -> { });
  }

  /** Returns the connection to the pool in auto-commit mode, as it was lent. */
  void release() {
    detachAll();
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException ignored) {
      // The pool checks the connection before lending it again.
    } finally {
      cache.giveBack(held, connection);
      closeQuietly(connection);
    }
  }

  /** Ends this call's use of its statements: open rows closed, unsent batches dropped. */
  private void detachAll() {
    for (PgStatement st : used) {
      st.detach();
    }
    used.clear();
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Already gone.
    }
  }
}
