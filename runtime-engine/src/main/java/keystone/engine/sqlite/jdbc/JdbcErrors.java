package keystone.engine.sqlite.jdbc;

import java.sql.SQLException;
import keystone.engine.sqlite.driver.DriverException;
import org.sqlite.SQLiteException;

/** sqlite-jdbc's exceptions as SQLite reported them: extended code and SQLite's own words. */
public final class JdbcErrors {
  private JdbcErrors() {}

  /**
   * Over JDBC {@code getErrorCode()} is 19 for every constraint, so the extended code comes from
   * {@link SQLiteException#getResultCode()} wherever the chain holds one.
   */
  public static DriverException of(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException sqlite) {
        return new DriverException(sqlite.getResultCode().code, message(sqlite), e);
      }
    }
    return new DriverException(e.getErrorCode(), message(e), e);
  }

  /** SQLite's own words, without the driver's "[SQLITE_X] description (...)" wrapping. */
  static String message(SQLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int open = message.indexOf(" (");
    if (message.startsWith("[") && open > 0 && message.endsWith(")")) {
      return message.substring(open + 2, message.length() - 1);
    }
    return message;
  }
}
