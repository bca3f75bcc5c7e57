package keystone.engine.sqlite.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import keystone.engine.guard.SqlSplitter;
import keystone.engine.sqlite.SqliteConnection;
import keystone.engine.sqlite.SqliteStatement;
import keystone.engine.sqlite.driver.DriverException;

/**
 * Which unnamed CHECK a statement broke, on a SQLite that names only the table for one
 * ({@code CHECK constraint failed: gadgets}; Android's 3.32), where later SQLite prints the
 * expression ({@code CHECK constraint failed: quantity > 0}). The statement is re-run with
 * {@code ignore_check_constraints} on inside a savepoint, and each of the table's CHECK
 * expressions is then asked whether a row now fails it; the rows before the statement passed
 * them all, since Keystone never lets checks be turned off.
 */
public final class UnnamedCheck {
  private static final String SAVEPOINT = "ks_check_diagnosis";

  private UnnamedCheck() {}

  /** The broken CHECK's expression as the table's DDL writes it, or null when none is found. */
  public static String find(SqliteConnection connection, SqliteStatement failed, String table) {
    Object ddl = connection.queryValue(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE", table);
    List<String> checks = ddl instanceof String sql ? expressions(sql) : List.of();
    if (checks.isEmpty()) {
      return null;
    }
    connection.exec("SAVEPOINT " + SAVEPOINT);
    try {
      connection.execUncached("PRAGMA ignore_check_constraints = ON");
      try {
        failed.rerun();
      } catch (DriverException other) {
        // It failed on something else after its rows were written: they are still there.
      } finally {
        failed.reset();
        connection.execUncached("PRAGMA ignore_check_constraints = OFF");
      }
      for (String check : checks) {
        if (connection.queryValue("SELECT 1 FROM main." + Sql.quote(table)
            + " WHERE NOT (" + check + ") LIMIT 1") != null) {
          return check;
        }
      }
      return null;
    } finally {
      connection.exec("ROLLBACK TO " + SAVEPOINT);
      connection.exec("RELEASE " + SAVEPOINT);
    }
  }

  /**
   * The expressions of the CHECK constraints in {@code createTable} that have no CONSTRAINT name
   * (a named one is reported by its name on every SQLite), in order.
   */
  static List<String> expressions(String createTable) {
    List<String> found = new ArrayList<>();
    String previousWord = "";
    String wordBefore = "";
    int i = 0;
    while (i < createTable.length()) {
      char c = createTable.charAt(i);
      int pastQuoted = SqlSplitter.skipQuotedOrComment(createTable, i);
      if (pastQuoted > i) {
        i = pastQuoted;
        wordBefore = previousWord;
        previousWord = "";
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < createTable.length()
            && (Character.isLetterOrDigit(createTable.charAt(end))
                || createTable.charAt(end) == '_')) {
          end++;
        }
        String word = createTable.substring(i, end).toUpperCase(Locale.ROOT);
        if (word.equals("CHECK") && !wordBefore.equals("CONSTRAINT")) {
          int open = createTable.indexOf('(', end);
          int close = closingParenthesis(createTable, open);
          found.add(createTable.substring(open + 1, close).strip());
          i = close + 1;
        } else {
          i = end;
        }
        wordBefore = previousWord;
        previousWord = word;
      } else {
        i++;
      }
    }
    return found;
  }

  private static int closingParenthesis(String sql, int open) {
    int depth = 0;
    int i = open;
    while (i < sql.length()) {
      int pastQuoted = SqlSplitter.skipQuotedOrComment(sql, i);
      if (pastQuoted > i) {
        i = pastQuoted;
        continue;
      }
      char c = sql.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
      i++;
    }
    return sql.length() - 1;
  }
}
