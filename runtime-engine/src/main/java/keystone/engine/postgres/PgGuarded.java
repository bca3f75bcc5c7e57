package keystone.engine.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One statement inside a transaction, sent with its savepoint as one prepared query:
 * {@code SAVEPOINT ks_statement; <statement>; RELEASE SAVEPOINT ks_statement}. pgjdbc sends the
 * three as Parse/Bind/Execute messages in one write with one Sync, so the savepoint costs no
 * round trip and no system call of its own, where SAVEPOINT, the statement and RELEASE sent one
 * by one cost three round trips. (pgjdbc's {@code autosave}, which {@link PgAutosave} uses for
 * batches, also needs one round trip, but flushes its savepoint commands as separate simple
 * queries: three writes, and three wake-ups of the server, per statement.)
 *
 * <p>On a failure the transaction is aborted at the statement and RELEASE did not run: one more
 * exchange rolls back to the savepoint and releases it, and the transaction goes on.
 */
final class PgGuarded {
  private static final String NAME = "ks_statement";

  private final Connection connection;
  private final String sql;
  private PreparedStatement statement;

  PgGuarded(Connection connection, String sql) {
    this.connection = connection;
    String statement = sql.strip();
    // A trailing semicolon would put an empty query between the statement and RELEASE.
    this.sql = statement.endsWith(";")
        ? statement.substring(0, statement.length() - 1) : statement;
  }

  /** The prepared query, for the caller to bind its parameters (the same indexes). */
  PreparedStatement prepared() throws SQLException {
    if (statement == null) {
      statement = connection.prepareStatement(
          "SAVEPOINT " + NAME + "; " + sql + "; RELEASE SAVEPOINT " + NAME);
    }
    return statement;
  }

  /** Runs it; the statement's rows, open until the caller closes them. */
  ResultSet query() throws SQLException {
    run();
    return statement.getResultSet();
  }

  /** Runs it; the statement's update count. */
  int update() throws SQLException {
    return run() ? -1 : statement.getUpdateCount();
  }

  /** Executes, then moves to the statement's own result; whether that is rows. */
  private boolean run() throws SQLException {
    try {
      statement.execute();   // the SAVEPOINT's result comes first
      return statement.getMoreResults();
    } catch (SQLException e) {
      if (!PgFaults.lost(e)) {
        undo(connection, NAME, e);
      }
      throw e;
    }
  }

  /**
   * After a failure inside savepoint {@code name}: rolls back to it (a no-op if that is done
   * already) and releases it, one exchange, so that the transaction goes on and failures do not
   * pile savepoints up.
   */
  static void undo(Connection connection, String name, SQLException failure) {
    try (Statement st = connection.createStatement()) {
      st.execute("ROLLBACK TO SAVEPOINT " + name + "; RELEASE SAVEPOINT " + name);
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  void close() {
    if (statement != null) {
      try {
        statement.close();
      } catch (SQLException ignored) {
        // The connection goes back to the pool either way.
      }
    }
  }
}
