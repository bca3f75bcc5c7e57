package keystone.engine.sqlite.diagnosis;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads back values written by SQLite's {@code quote()} (https://www.sqlite.org/lang_corefunc.html#quote). */
final class SqlLiterals {
  private SqlLiterals() {}

  /** Parses comma-separated quote() output: integers, reals, 'text', X'blob', NULL. */
  static List<Object> parseList(String text) {
    List<Object> values = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int end = literalEnd(text, i);
      values.add(parse(text.substring(i, end).strip()));
      i = end + 1;
    }
    return values;
  }

  private static int literalEnd(String text, int start) {
    boolean quoted = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        return i;
      }
    }
    return text.length();
  }

  private static Object parse(String literal) {
    if (literal.equalsIgnoreCase("NULL")) {
      return null;
    }
    if (literal.startsWith("'")) {
      return literal.substring(1, literal.length() - 1).replace("''", "'");
    }
    if (literal.startsWith("X'") || literal.startsWith("x'")) {
      return HexFormat.of().parseHex(literal.substring(2, literal.length() - 1));
    }
    try {
      return Long.parseLong(literal);
    } catch (NumberFormatException notInteger) {
      return Double.parseDouble(literal);
    }
  }
}
