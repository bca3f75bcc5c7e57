package keystone.cli.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQL text cut into tokens that keep their place in the text, so that an expression (a CHECK, a
 * generated column) can be taken back out exactly as the author wrote it. Quoted identifiers
 * ({@code "x"}, {@code `x`}, {@code [x]}) come back unquoted; string literals stay quoted.
 * https://www.sqlite.org/lang_keywords.html
 */
final class SqlTokens {
  /** One token: its text (identifiers unquoted), whether it was a quoted name, its span. */
  record Token(String text, boolean quoted, int start, int end) {
    boolean is(String word) {
      return !quoted && text.equalsIgnoreCase(word);
    }

    String upper() {
      return text.toUpperCase(Locale.ROOT);
    }
  }

  private SqlTokens() {}

  static List<Token> of(String sql, int from, int to) {
    return of(sql, from, to, false);
  }

  /**
   * {@code postgres}: PostgreSQL's SQL, where only {@code "x"} quotes a name ({@code [} and
   * {@code `} are an array subscript or constructor, and an operator character).
   */
  static List<Token> of(String sql, int from, int to, boolean postgres) {
    List<Token> tokens = new ArrayList<>();
    int i = from;
    while (i < to) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < to && sql.charAt(i + 1) == '-') {
        int nl = sql.indexOf('\n', i);
        i = nl < 0 || nl > to ? to : nl + 1;
      } else if (c == '/' && i + 1 < to && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 || close > to ? to : close + 2;
      } else if (c == '"' || !postgres && (c == '`' || c == '[')) {
        char closing = c == '[' ? ']' : c;
        int j = closeQuote(sql, i, closing, to);
        tokens.add(new Token(
            sql.substring(i + 1, j - 1).replace("" + closing + closing, "" + closing), true, i, j));
        i = j;
      } else if (c == '\'') {
        int j = closeQuote(sql, i, '\'', to);
        tokens.add(new Token(sql.substring(i, j), false, i, j));
        i = j;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        int j = i;
        while (j < to && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
            || sql.charAt(j) == '$' || sql.charAt(j) == '.')) {
          j++;
        }
        tokens.add(new Token(sql.substring(i, j), false, i, j));
        i = j;
      } else {
        tokens.add(new Token(String.valueOf(c), false, i, i + 1));
        i++;
      }
    }
    return tokens;
  }

  /** The index just past the quote that closes the one at {@code i}; doubled quotes escape. */
  private static int closeQuote(String sql, int i, char closing, int to) {
    int j = i + 1;
    while (j < to) {
      if (sql.charAt(j) == closing) {
        if (closing != ']' && j + 1 < to && sql.charAt(j + 1) == closing) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return to;
  }

  /** The index of the ")" token that closes the "(" token at {@code open}. */
  static int matching(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).is("(")) {
        depth++;
      } else if (tokens.get(i).is(")")) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return tokens.size() - 1;
  }
}
