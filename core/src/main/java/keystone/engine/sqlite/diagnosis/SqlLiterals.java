package keystone.engine.sqlite.diagnosis;

import java.util.ArrayList;
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
      return hexBytes(literal.substring(2, literal.length() - 1));
    }
    try {
      return Long.parseLong(literal);
    } catch (NumberFormatException notInteger) {
      return Double.parseDouble(literal);
    }
  }

  /** A blob literal's digits; not {@code HexFormat}, which Android has only from API 34. */
  static byte[] hexBytes(String digits) {
    if (digits.length() % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits: " + digits);
    }
    byte[] bytes = new byte[digits.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (hexDigit(digits, 2 * i) << 4 | hexDigit(digits, 2 * i + 1));
    }
    return bytes;
  }

  private static int hexDigit(String digits, int index) {
    int digit = Character.digit(digits.charAt(index), 16);
    if (digit < 0) {
      throw new IllegalArgumentException("not a hex digit at " + index + ": " + digits);
    }
    return digit;
  }
}
