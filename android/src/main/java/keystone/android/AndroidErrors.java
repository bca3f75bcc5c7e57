package keystone.android;

import android.database.sqlite.SQLiteAbortException;
import android.database.sqlite.SQLiteCantOpenDatabaseException;
import android.database.sqlite.SQLiteConstraintException;
import android.database.sqlite.SQLiteDatabaseCorruptException;
import android.database.sqlite.SQLiteDatabaseLockedException;
import android.database.sqlite.SQLiteDiskIOException;
import android.database.sqlite.SQLiteFullException;
import android.database.sqlite.SQLiteReadOnlyDatabaseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.engine.sqlite.driver.DriverException;

/**
 * Android's SQLite exceptions as the dialect's {@link DriverException}. Android puts SQLite's
 * extended code into the message, after SQLite's own text:
 * {@code FOREIGN KEY constraint failed (code 787 SQLITE_CONSTRAINT_FOREIGNKEY)}, sometimes
 * followed by {@code , while compiling: <sql>}; the class only tells the primary code.
 */
final class AndroidErrors {
  private static final Pattern CODE = Pattern.compile(" \\(code (\\d+)(?: [A-Z0-9_]+)?\\)");

  private AndroidErrors() {}

  static DriverException of(RuntimeException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    Matcher matcher = CODE.matcher(message);
    if (matcher.find()) {
      return new DriverException(
          Integer.parseInt(matcher.group(1)), message.substring(0, matcher.start()), e);
    }
    return new DriverException(primaryCode(e), message, e);
  }

  /** The primary code an exception class stands for, when the message carries none. */
  static int primaryCode(RuntimeException e) {
    if (e instanceof SQLiteConstraintException) {
      return 19;
    } else if (e instanceof SQLiteDatabaseLockedException) {
      return 5;
    } else if (e instanceof SQLiteDatabaseCorruptException) {
      return 11;
    } else if (e instanceof SQLiteCantOpenDatabaseException) {
      return 14;
    } else if (e instanceof SQLiteFullException) {
      return 13;
    } else if (e instanceof SQLiteDiskIOException) {
      return 10;
    } else if (e instanceof SQLiteReadOnlyDatabaseException) {
      return 8;
    } else if (e instanceof SQLiteAbortException) {
      return 4;
    } else if (e instanceof IllegalStateException) {
      return 21; // SQLITE_MISUSE: a closed database or statement
    }
    return 1;
  }
}
