package keystone.engine.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.engine.CheckViolationException;
import keystone.engine.KeystoneException;
import keystone.engine.NotNullViolationException;
import keystone.engine.UniqueViolationException;
import keystone.engine.sqlite.driver.DriverException;

/**
 * Maps SQLite's extended result codes (https://www.sqlite.org/rescode.html#constraint) to typed
 * exceptions.
 */
public final class ConstraintErrors {
  private static final Pattern TARGET_TABLE =
      Pattern.compile(
          "(?is)^\\s*(?:INSERT|REPLACE|UPDATE)(?:\\s+OR\\s+\\w+)?\\s+(?:INTO\\s+)?"
              + "(?:\\w+\\.)?[\"`\\[]?(\\w+)");

  public static final int SQLITE_CONSTRAINT = 19;
  private static final int SQLITE_CONSTRAINT_CHECK = 275;
  private static final int SQLITE_CONSTRAINT_FOREIGNKEY = 787;
  private static final int SQLITE_CONSTRAINT_NOTNULL = 1299;
  static final int SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
  public static final int SQLITE_CONSTRAINT_TRIGGER = 1811;
  static final int SQLITE_CONSTRAINT_UNIQUE = 2067;

  private ConstraintErrors() {}

  /** The extended result code. */
  public static int code(DriverException e) {
    return e.code();
  }

  /** SQLITE_CONSTRAINT_FOREIGNKEY, or SQLITE_CONSTRAINT_TRIGGER as RESTRICT raises it. */
  public static boolean isForeignKey(DriverException e) {
    int code = code(e);
    return code == SQLITE_CONSTRAINT_FOREIGNKEY
        || (code == SQLITE_CONSTRAINT_TRIGGER
            && sqliteMessage(e).contains("FOREIGN KEY constraint failed"));
  }

  /** Typed exception for every failure but foreign keys, which need a diagnosis first. */
  public static KeystoneException translate(DriverException e, String sql) {
    int code = code(e);
    String message = sqliteMessage(e);
    if (code == SQLITE_CONSTRAINT_UNIQUE
        || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
      QualifiedColumns failed = QualifiedColumns.parse(message);
      return new UniqueViolationException(message, failed.table, failed.columns, e);
    }
    if (code == SQLITE_CONSTRAINT_NOTNULL) {
      QualifiedColumns failed = QualifiedColumns.parse(message);
      return new NotNullViolationException(message, failed.table, failed.columns, e);
    }
    if (code == SQLITE_CONSTRAINT_CHECK) {
      String constraint = afterColon(message);
      String table = targetTable(sql);
      String full = table == null ? message : message + " (table \"" + table + "\")";
      return new CheckViolationException(full, table, constraint, e);
    }
    String where = sql == null ? "" : " in: " + sql;
    if (message.contains("triggers nested too deep")
        || message.contains("too many levels of trigger recursion")) {
      return new KeystoneException(CASCADE_TOO_DEEP + where, e);
    }
    return new KeystoneException(message + where, e);
  }

  /**
   * Foreign-key actions run as triggers, and SQLite stops nesting them at SQLITE_MAX_TRIGGER_DEPTH
   * (https://www.sqlite.org/limits.html#max_trigger_depth), 1000 in sqlite-jdbc's build and
   * Android's. SQLite's own words for it changed between versions ("too many levels of trigger
   * recursion" before, "triggers nested too deep" after), so the message does not quote them: the
   * cause keeps them.
   */
  private static final String CASCADE_TOO_DEEP = "The cascade went too deep: SQLite runs ON"
      + " DELETE and ON UPDATE actions as nested triggers and stops at 1000 levels, so a chain of"
      + " rows that reference each other can cascade through at most 1000 rows in one statement."
      + " Nothing was changed. Delete such a tree from its leaves up, at most 1000 levels at a"
      + " time";

  /** SQLite's own words. */
  public static String sqliteMessage(DriverException e) {
    return e.sqliteMessage();
  }

  static String targetTable(String sql) {
    if (sql == null) {
      return null;
    }
    Matcher m = TARGET_TABLE.matcher(sql);
    return m.find() ? m.group(1) : null;
  }

  private static String afterColon(String message) {
    int colon = message.indexOf(": ");
    return colon < 0 ? message : message.substring(colon + 2).strip();
  }

  /** "UNIQUE constraint failed: t.a, t.b" as table t and columns [a, b]. */
  private record QualifiedColumns(String table, List<String> columns) {
    static QualifiedColumns parse(String message) {
      String table = null;
      List<String> columns = new ArrayList<>();
      for (String part : afterColon(message).split(",")) {
        String name = part.strip();
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
          table = name.substring(0, dot);
          name = name.substring(dot + 1);
        }
        if (!name.isEmpty() && !name.toLowerCase(Locale.ROOT).contains("constraint failed")) {
          columns.add(name);
        }
      }
      return new QualifiedColumns(table, columns);
    }
  }
}
