package keystone.engine.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a string of SQL into statements at top-level semicolons, the way
 * https://www.sqlite.org/c3ref/complete.html decides where a statement ends: not inside quotes,
 * comments, or the BEGIN ... END body of a CREATE TRIGGER.
 */
public final class SqlSplitter {
  private SqlSplitter() {}

  static List<String> split(String sql) {
    return split(sql, false);
  }

  /**
   * As {@link #split(String)}; with {@code postgres}, also PostgreSQL's dollar-quoted bodies and
   * E'...' escape strings, whose semicolons and quotes SQLite would read differently.
   */
  static List<String> split(String sql, boolean postgres) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    List<String> words = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int end = skipQuotedOrComment(sql, i, postgres);
      if (end > i) {
        current.append(sql, i, end);
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
          j++;
        }
        words.add(sql.substring(i, j).toUpperCase(Locale.ROOT));
        current.append(sql, i, j);
        i = j;
      } else if (c == ';' && statementEnds(words)) {
        addIfNotBlank(statements, current);
        current.setLength(0);
        words.clear();
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    addIfNotBlank(statements, current);
    return statements;
  }

  /** Index just past a quoted string, identifier or comment starting at {@code i}, else {@code i}. */
  public static int skipQuotedOrComment(String sql, int i) {
    return skipQuotedOrComment(sql, i, false);
  }

  private static int skipQuotedOrComment(String sql, int i, boolean postgres) {
    char c = sql.charAt(i);
    int n = sql.length();
    if (postgres && c == '$') {
      return skipDollarQuoted(sql, i);
    }
    if (c == '\'' || c == '"' || c == '`') {
      boolean backslashEscapes = postgres && c == '\'' && isEscapeStringPrefix(sql, i);
      int j = i + 1;
      while (j < n) {
        if (backslashEscapes && sql.charAt(j) == '\\') {
          j += 2;
          continue;
        }
        if (sql.charAt(j) == c) {
          if (j + 1 < n && sql.charAt(j + 1) == c) {
            j += 2;
            continue;
          }
          return j + 1;
        }
        j++;
      }
      return n;
    }
    if (c == '[') {
      int close = sql.indexOf(']', i + 1);
      return close < 0 ? n : close + 1;
    }
    if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
      int eol = sql.indexOf('\n', i);
      return eol < 0 ? n : eol + 1;
    }
    if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
      int close = sql.indexOf("*/", i + 2);
      return close < 0 ? n : close + 2;
    }
    return i;
  }

  /**
   * PostgreSQL's {@code $tag$ ... $tag$} string (a DO block's or a function's body), or {@code i}
   * when no closing tag follows.
   */
  private static int skipDollarQuoted(String sql, int i) {
    int j = i + 1;
    while (j < sql.length()
        && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_'
            || (j > i + 1 && Character.isDigit(sql.charAt(j))))) {
      j++;
    }
    if (j >= sql.length() || sql.charAt(j) != '$') {
      return i;
    }
    String tag = sql.substring(i, j + 1);
    int close = sql.indexOf(tag, j + 1);
    return close < 0 ? i : close + tag.length();
  }

  /** PostgreSQL's E'...' strings take backslash escapes, so \' does not end them. */
  private static boolean isEscapeStringPrefix(String sql, int quote) {
    if (quote == 0 || Character.toUpperCase(sql.charAt(quote - 1)) != 'E') {
      return false;
    }
    return quote == 1 || !(Character.isLetterOrDigit(sql.charAt(quote - 2))
        || sql.charAt(quote - 2) == '_');
  }

  /** A trigger body's semicolons end statements inside it; only the one after END ends it. */
  private static boolean statementEnds(List<String> words) {
    boolean trigger =
        words.size() >= 2
            && words.get(0).equals("CREATE")
            && (words.get(1).equals("TRIGGER")
                || (words.size() >= 3
                    && (words.get(1).equals("TEMP") || words.get(1).equals("TEMPORARY"))
                    && words.get(2).equals("TRIGGER")));
    return !trigger || words.get(words.size() - 1).equals("END");
  }

  private static void addIfNotBlank(List<String> statements, StringBuilder current) {
    String statement = current.toString().strip();
    if (!SqlGuard.stripComments(statement).isBlank()) {
      statements.add(statement);
    }
  }
}
