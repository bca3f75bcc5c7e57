package keystone.engine.postgres;

import java.sql.SQLException;
import keystone.engine.ConnectionLostException;
import keystone.engine.KeystoneException;

/**
 * A connection that died, told apart from a statement that failed. PostgreSQL reports it as
 * SQLSTATE class 08 (connection exception: the socket broke, or the server refused a new
 * connection) or 57P01-57P03 and 57P05 (the server ended the session: {@code pg_terminate_backend},
 * a shutdown, a server still starting, an idle session timed out),
 * https://www.postgresql.org/docs/current/errcodes-appendix.html; the distributed engines use
 * the same codes for a node that went away.
 */
final class PgFaults {
  private PgFaults() {}

  /** Whether {@code error}, or an error it wraps, says the connection is gone. */
  static boolean lost(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
          if (lostState(e.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean lostState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03")
            || state.equals("57P05"));
  }

  /**
   * {@code what} failed: a {@link ConnectionLostException} when the connection died (nothing
   * committed), else a {@link KeystoneException} with the driver's message.
   */
  static KeystoneException failed(String what, SQLException error) {
    if (lost(error)) {
      return beforeCommit(error, null);
    }
    return new KeystoneException(what + ": " + error.getMessage(), error);
  }

  /** The connection died before COMMIT was sent: the transaction did not commit. */
  static ConnectionLostException beforeCommit(SQLException error, String sql) {
    return new ConnectionLostException(
        "The connection to PostgreSQL was lost before COMMIT was sent, so the transaction did not"
            + " commit and running it again is safe (Retry does): " + error.getMessage()
            + (sql == null ? "" : " in: " + sql),
        false, error);
  }

  /** The connection died while COMMIT was under way: the transaction may have committed. */
  static ConnectionLostException duringCommit(SQLException error) {
    return new ConnectionLostException(
        "The connection to PostgreSQL was lost during COMMIT: the outcome is unknown (the"
            + " transaction may have committed and only the answer been lost, like CockroachDB's"
            + " 40003 \"result is ambiguous\"). Keystone does not run it again by itself; check"
            + " whether its changes are there before you do: " + error.getMessage(),
        true, error);
  }

  /**
   * The connection died while a statement ran in auto-commit: a {@link ConnectionLostException}
   * whose outcome is known only when the server said it ended the session before the statement
   * could commit, else unknown, as a COMMIT's is.
   *
   * <p>PostgreSQL reports an ended session (pg_terminate_backend, a shutdown: 57P01; an idle
   * session timeout: 57P05) with a FATAL error in place of the statement's result only while the
   * statement has not committed: the session was idle in the pool before it arrived, or the
   * statement was still running and its implicit transaction is rolled back. A session ended
   * during the commit itself is told with a WARNING and closed without that error (the wait for a
   * synchronous standby, https://www.postgresql.org/docs/current/warm-standby.html#SYNCHRONOUS-REPLICATION),
   * and one ended after it gets its ReadyForQuery first. A connection that just broke (08006: a
   * crash, the network) says nothing of the kind: the statement may have committed and only the
   * answer been lost.
   */
  static ConnectionLostException duringAutoCommit(SQLException error, String sql) {
    if (endedBeforeCommit(error)) {
      return new ConnectionLostException(
          "The connection to PostgreSQL was lost: the server ended the session before the"
              + " statement (in auto-commit) could commit, so nothing of it was written and"
              + " running it again is safe: " + error.getMessage() + " in: " + sql,
          false, error);
    }
    return new ConnectionLostException(
        "The connection to PostgreSQL was lost while a statement ran in auto-commit (a single"
            + " write outside a transaction): the outcome is unknown (it may have committed and"
            + " only the answer been lost). Keystone does not run it again by itself; check"
            + " whether its change is there before you do: " + error.getMessage() + " in: " + sql,
        true, error);
  }

  /** The server's own FATAL error saying it ended the session, in place of a result. */
  private static boolean endedBeforeCommit(SQLException error) {
    String state = error.getSQLState();
    return error instanceof org.postgresql.util.PSQLException server
        && server.getServerErrorMessage() != null
        && ("57P01".equals(state) || "57P05".equals(state));
  }

  /** No connection could be had: the server is down or unreachable, or the pool is exhausted. */
  static KeystoneException noConnection(SQLException error, long waitedMillis) {
    if (lost(error)) {
      return new ConnectionLostException(
          "No connection to PostgreSQL within " + waitedMillis + " ms (acquireTimeout): the"
              + " server is down or unreachable, so nothing was done: " + error.getMessage(),
          false, error);
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        return new KeystoneException(
            "Interrupted while waiting for a PostgreSQL connection; nothing was done", error);
      }
    }
    return new KeystoneException("No PostgreSQL connection: " + error.getMessage(), error);
  }

  /** A call started on an interrupted thread fails before it does anything, as on SQLite. */
  static void refuseInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new KeystoneException(
          "Interrupted: the thread was interrupted, so the call did nothing (and a transaction"
              + " it belongs to rolls back); the interrupt status is kept",
          new InterruptedException());
    }
  }
}
