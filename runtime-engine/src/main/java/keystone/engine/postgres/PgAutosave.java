package keystone.engine.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.AutoSave;

/**
 * The savepoint around a statement inside a transaction, sent with the statement in one round
 * trip. pgjdbc does this itself with {@code autosave=always}: it puts {@code SAVEPOINT
 * PGJDBC_AUTOSAVE} in front of the statement's messages, before their one Sync; with
 * {@code cleanupSavepoints=true} it queues the {@code RELEASE} to go out in front of the next
 * exchange; and on a failure it rolls back to the savepoint before throwing
 * (https://jdbc.postgresql.org/documentation/use/#connection-parameters). Sending SAVEPOINT, the
 * statement and RELEASE one by one took three round trips for each call inside a transaction.
 *
 * <p>Keystone switches autosave on for the length of one of its statements only: pgjdbc before
 * 42.7.9 would also wrap a SAVEPOINT command of Keystone's own in one, and releasing that would
 * release Keystone's with it; a driver the application brings may be such a one. And with
 * autosave off, pgjdbc from 42.7.9 skips its autosave checks at once, where 42.7.7 first spelled
 * out the whole SQL of a multi-statement query ({@link PgGuarded}) on every run. It uses autosave
 * only where {@link #probe} saw the savepoint released after the statement: without
 * cleanupSavepoints every statement would leave one more nested savepoint behind until the
 * transaction ends.
 */
final class PgAutosave {
  private PgAutosave() {}

  /**
   * Whether the connection's pgjdbc releases its automatic savepoints (cleanupSavepoints=true):
   * then an explicit RELEASE after a statement finds none left. Runs in a transaction it rolls
   * back; false when anything differs from that (another driver, an older pgjdbc).
   */
  static boolean probe(Connection connection) {
    try {
      PGConnection pg = connection.unwrap(PGConnection.class);
      boolean wasManual = !connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement st = connection.createStatement()) {
        pg.setAutosave(AutoSave.ALWAYS);
        try {
          st.execute("SELECT 1");
        } finally {
          pg.setAutosave(AutoSave.NEVER);
        }
        try {
          st.execute("RELEASE SAVEPOINT PGJDBC_AUTOSAVE");
          return false;   // it was still there: nothing releases them
        } catch (SQLException released) {
          return "3B001".equals(released.getSQLState());   // invalid_savepoint_specification
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(!wasManual);
      }
    } catch (SQLException | LinkageError e) {
      return false;
    }
  }

  /** A statement's exchange, run with its savepoint sent in front of it. */
  @FunctionalInterface
  interface Exchange<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code exchange} inside its own savepoint. On a failure pgjdbc has rolled back to it;
   * the savepoint itself is then released too, so that failures do not pile savepoints up.
   */
  static <T> T run(PGConnection pg, Connection connection, Exchange<T> exchange)
      throws SQLException {
    AutoSave before = pg.getAutosave();
    pg.setAutosave(AutoSave.ALWAYS);
    try {
      return exchange.run();
    } catch (SQLException e) {
      pg.setAutosave(before);
      if (!PgFaults.lost(e)) {
        // pgjdbc rolled back to it already; repairs it if that failed, and releases it.
        PgGuarded.undo(connection, "PGJDBC_AUTOSAVE", e);
      }
      throw e;
    } finally {
      pg.setAutosave(before);
    }
  }
}
