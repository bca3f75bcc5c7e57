package keystone.processor.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code :name} parameters in SQL, skipping string literals, quoted identifiers and
 * comments, where a colon is just text, and {@code ::} casts, which are PostgreSQL's (SQLite
 * rejects them, so skipping them there only leaves SQLite to report the syntax error).
 */
public final class SqlParameters {
  private SqlParameters() {}

  /** One {@code :name} occurrence; {@code start} is the colon, {@code end} is exclusive. */
  public record Occurrence(String name, int start, int end) {}

  /** In SQLite's lexis, where {@code [x]} is a quoted identifier. */
  public static List<Occurrence> find(String sql) {
    return find(sql, false);
  }

  /**
   * In PostgreSQL's lexis: {@code [} is an array subscript, {@code $tag$...$tag$} and
   * {@code E'...'} are strings.
   * https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-CONSTANTS
   */
  public static List<Occurrence> findPostgres(String sql) {
    return find(sql, true);
  }

  /** The SQL between the occurrences: one piece more than there are occurrences. */
  public static List<String> fragments(String sql, List<Occurrence> occurrences) {
    List<String> fragments = new ArrayList<>();
    int from = 0;
    for (Occurrence o : occurrences) {
      fragments.add(sql.substring(from, o.start()));
      from = o.end();
    }
    fragments.add(sql.substring(from));
    return fragments;
  }

  private static List<Occurrence> find(String sql, boolean postgres) {
    List<Occurrence> found = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(sql, i, c);
      } else if (postgres && (c == 'E' || c == 'e') && startsEscapeString(sql, i)) {
        i = skipEscapeString(sql, i + 1);
      } else if (postgres && c == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int close = sql.indexOf(tag, i + tag.length());
        i = close < 0 ? n : close + tag.length();
      } else if (!postgres && c == '[') {
        int close = sql.indexOf(']', i);
        i = close < 0 ? n : close + 1;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        i += 2;
      } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
        int end = i + 1;
        while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
          end++;
        }
        found.add(new Occurrence(sql.substring(i + 1, end), i, end));
        i = end;
      } else {
        i++;
      }
    }
    return found;
  }

  /**
   * Where the string literal or quoted name opened by {@code quote} at {@code start} ends: just
   * past its closing quote (a doubled quote stays inside), or the end of {@code sql}.
   */
  public static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return i;
  }

  /** {@code E'} not ending a longer word (as in {@code type'...'}, which is no E-string). */
  private static boolean startsEscapeString(String sql, int i) {
    return i + 1 < sql.length() && sql.charAt(i + 1) == '\''
        && (i == 0 || !Character.isJavaIdentifierPart(sql.charAt(i - 1)));
  }

  /** An E-string, where a backslash escapes the next character, a quote included. */
  private static int skipEscapeString(String sql, int quote) {
    int i = quote + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
        i += 2;
      } else if (c == '\'') {
        return i + 1;
      } else {
        i++;
      }
    }
    return i;
  }

  /**
   * The opening {@code $tag$} of a dollar-quoted string at {@code i}, or null; a tag does not
   * start with a digit, so {@code $1} stays a positional parameter.
   */
  private static String dollarTag(String sql, int i) {
    if (i > 0 && Character.isJavaIdentifierPart(sql.charAt(i - 1))) {
      return null;
    }
    int end = i + 1;
    while (end < sql.length()
        && (Character.isLetter(sql.charAt(end)) || sql.charAt(end) == '_'
            || (end > i + 1 && Character.isDigit(sql.charAt(end))))) {
      end++;
    }
    return end < sql.length() && sql.charAt(end) == '$' ? sql.substring(i, end + 1) : null;
  }
}
