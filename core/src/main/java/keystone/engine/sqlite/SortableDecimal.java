package keystone.engine.sqlite;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * {@code BigDecimal} as text whose byte order (SQLite's BINARY collation, which every SQLite has,
 * Android's included) is the numeric order, and that gives back the exact value, scale included.
 *
 * <p>The form is {@code <sign><exponent><digits><end> <plain>}: the value written as
 * {@code 0.d1d2...dn x 10^e} with {@code d1} not zero, so that the exponent decides first and the
 * digits next; negative values complement both (9 - d) so that larger magnitudes sort lower, and
 * end in {@code ~}, above every digit, so that a longer complemented run sorts lower. The plain
 * value follows after a space, for people reading the file and for the exact scale: equal numbers
 * with different scales ({@code 12.5}, {@code 12.50}) sort together, fewer digits first.
 *
 * <p>Keystone stores {@code BigDecimal} and {@code BigInteger} this way on a SQLite that cannot
 * register the {@code decimal} collation ({@link DecimalCollation}): Android's. Between two
 * spellings of one negative number the order differs from the collation's (here {@code -12.5}
 * sorts before {@code -12.50}); they are different values to {@code =} and UNIQUE either way.
 *
 * <ul>
 *   <li>{@code -12.50} is {@code 0 1999999998 874~ -12.50}
 *   <li>{@code 0.00} is {@code 1 0.00}
 *   <li>{@code 12.50} is {@code 2 2000000002 125 12.50}
 * </ul>
 */
public final class SortableDecimal {
  /** Exponents are ints; biased into 0..4294967295, ten digits. */
  private static final long BIAS = 2_000_000_000L;

  private SortableDecimal() {}

  public static String text(BigDecimal value) {
    String plain = value.toPlainString();
    int sign = value.signum();
    if (sign == 0) {
      return "1 " + plain;
    }
    BigInteger unscaled = value.unscaledValue().abs();
    String digits = stripTrailingZeros(unscaled.toString());
    long exponent = (long) unscaled.toString().length() - value.scale();
    StringBuilder s = new StringBuilder(digits.length() + plain.length() + 14);
    if (sign > 0) {
      s.append("2 ");
      appendExponent(s, BIAS + exponent);
      s.append(' ').append(digits);
    } else {
      s.append("0 ");
      appendExponent(s, BIAS - exponent);
      s.append(' ');
      for (int i = 0; i < digits.length(); i++) {
        s.append((char) ('9' - digits.charAt(i) + '0'));
      }
      s.append('~');
    }
    return s.append(' ').append(plain).toString();
  }

  private static final java.util.regex.Pattern ENCODED = java.util.regex.Pattern.compile(
      "1 -?\\d+(?:\\.\\d+)?|2 \\d{10} \\d+ \\d+(?:\\.\\d+)?|0 \\d{10} \\d+~ -\\d+(?:\\.\\d+)?");

  /**
   * {@code value} as people read it: the plain number when it is text in this form, else
   * unchanged; for messages and {@code violations()}, which show keys as on the desktop.
   */
  public static Object readable(Object value) {
    if (value instanceof String text && ENCODED.matcher(text).matches()) {
      return text.substring(text.lastIndexOf(' ') + 1);
    }
    return value;
  }

  /** The value of {@code text}, which may also be a plain number that raw SQL wrote. */
  public static BigDecimal decimal(String text) {
    int space = text.lastIndexOf(' ');
    try {
      return new BigDecimal(text.substring(space + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a decimal Keystone wrote", e);
    }
  }

  private static void appendExponent(StringBuilder s, long biased) {
    if (biased < 0 || biased > 9_999_999_999L) {
      throw new IllegalArgumentException("a decimal exponent beyond 2 billion places is outside"
          + " what Keystone stores");
    }
    String digits = Long.toString(biased);
    for (int i = digits.length(); i < 10; i++) {
      s.append('0');
    }
    s.append(digits);
  }

  private static String stripTrailingZeros(String digits) {
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return digits.substring(0, end);
  }
}
