package keystone.engine.sqlite;

import keystone.engine.sqlite.driver.DriverException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import keystone.engine.DatabaseBusyException;
import keystone.engine.DatabaseCorruptException;
import keystone.engine.KeystoneException;

/**
 * The failures of the file rather than of a statement (https://www.sqlite.org/rescode.html):
 * SQLITE_BUSY once {@code busy_timeout} has run out, SQLITE_CORRUPT and SQLITE_NOTADB. Each names
 * the file, since an application may hold several and the driver's message names none.
 */
final class SqliteFaults {
  private static final int BUSY = 5;
  private static final int CORRUPT = 11;
  private static final int NOT_A_DATABASE = 26;

  private SqliteFaults() {}

  /** The typed exception for a file-level failure, or null when {@code e} is a statement's. */
  static KeystoneException translate(DriverException e, Path file, Duration busyTimeout) {
    int primary = ConstraintErrors.code(e) & 0xff;
    String sqlite = ConstraintErrors.sqliteMessage(e);
    if (primary == BUSY) {
      return new DatabaseBusyException(
          "The database file " + name(file) + " stayed locked by another connection or process"
              + " for the whole busy timeout (" + busyTimeout.toMillis() + " ms), so nothing was"
              + " written (" + sqlite + "). Run the transaction again later:"
              + " runInTransaction(Retry.transientFailures(n), ...) does, and"
              + " Keystone.builder(...).busyTimeout(...) waits longer",
          file, busyTimeout, e);
    }
    if (primary == CORRUPT || primary == NOT_A_DATABASE) {
      return new DatabaseCorruptException(
          "The database file " + name(file) + " is damaged (" + sqlite + "): restore it from a"
              + " backup, or recover what is readable with the sqlite3 shell's .recover;"
              + " db.checkIntegrity() lists what PRAGMA quick_check finds",
          file, List.of(), e);
    }
    return null;
  }

  /** Refuses a file {@code PRAGMA quick_check} found damaged, with what it found. */
  static DatabaseCorruptException damaged(Path file, List<String> problems) {
    return new DatabaseCorruptException(
        "The database file " + name(file) + " is damaged; PRAGMA quick_check found: "
            + String.join("; ", problems.subList(0, Math.min(problems.size(), 10)))
            + (problems.size() > 10 ? "; and " + (problems.size() - 10) + " more" : "")
            + ". Restore it from a backup, or recover what is readable with the sqlite3 shell's"
            + " .recover",
        file, problems, null);
  }

  static String name(Path file) {
    return file == null ? "(in memory)" : file.toAbsolutePath().toString();
  }
}
