package keystone.processor.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code :name} parameters in SQL, skipping string literals, quoted identifiers and
 * comments, where a colon is just text.
 */
public final class SqlParameters {
  private SqlParameters() {}

  /** One {@code :name} occurrence; {@code start} is the colon, {@code end} is exclusive. */
  public record Occurrence(String name, int start, int end) {}

  public static List<Occurrence> find(String sql) {
    List<Occurrence> found = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(sql, i, c);
      } else if (c == '[') {
        int close = sql.indexOf(']', i);
        i = close < 0 ? n : close + 1;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
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

  private static int skipQuoted(String sql, int start, char quote) {
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
}
