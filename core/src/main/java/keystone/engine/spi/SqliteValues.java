package keystone.engine.spi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * How SQLite stores the built-in value types, chosen so that SQLite's own comparison (BINARY for
 * text, numeric for integers) gives Java's order, and every value comes back exactly:
 *
 * <ul>
 *   <li>{@code Instant}, {@code OffsetDateTime} and {@code Duration}: INTEGER microseconds since
 *       1970-01-01T00:00:00Z (or in the duration), negative before; 8 bytes, any era PostgreSQL
 *       holds, and integer order is time order.
 *   <li>{@code LocalDate}, {@code LocalDateTime}, {@code LocalTime}: fixed-width text
 *       {@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm:ss.SSSSSS}, {@code HH:mm:ss.SSSSSS}, which
 *       SQLite's date functions read as they are and which sort as the values do; years
 *       0000-9999 only, since a fifth digit or a sign would break the text order.
 *   <li>{@code UUID}: its canonical lower-case text, which sorts as PostgreSQL sorts uuid
 *       (unsigned, byte by byte).
 *   <li>{@code BigDecimal} and {@code BigInteger}: plain text in a column declared
 *       {@code COLLATE decimal}, which keeps the scale and compares numerically; see
 *       {@link keystone.engine.sqlite.DecimalCollation}.
 * </ul>
 *
 * <p>Times are kept to the microsecond, as PostgreSQL keeps them: nanoseconds are dropped on
 * both engines alike (truncated, so a value never moves into the next second).
 */
public final class SqliteValues {
  private static final long MICROS = 1_000_000L;

  private SqliteValues() {}

  public static long micros(Instant instant) {
    return micros(instant.getEpochSecond(), instant.getNano(), instant);
  }

  public static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, MICROS), Math.floorMod(micros, MICROS) * 1000);
  }

  public static long micros(Duration duration) {
    return micros(duration.getSeconds(), duration.getNano(), duration);
  }

  /** Floor, since {@code nanos} counts up from {@code seconds} even before zero. */
  private static long micros(long seconds, int nanos, Object value) {
    try {
      return Math.addExact(Math.multiplyExact(seconds, MICROS), nanos / 1000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          value + " is outside the range Keystone stores (microseconds in a 64-bit integer)", e);
    }
  }

  public static Duration duration(long micros) {
    return Duration.ofSeconds(
        Math.floorDiv(micros, MICROS), Math.floorMod(micros, MICROS) * 1000);
  }

  public static String text(LocalDate date) {
    StringBuilder s = new StringBuilder(10);
    appendDate(s, date);
    return s.toString();
  }

  public static LocalDate localDate(String text) {
    return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
  }

  public static String text(LocalTime time) {
    StringBuilder s = new StringBuilder(15);
    appendTime(s, time);
    return s.toString();
  }

  public static LocalTime localTime(String text) {
    return time(text, 0);
  }

  public static String text(LocalDateTime dateTime) {
    StringBuilder s = new StringBuilder(26);
    appendDate(s, dateTime.toLocalDate());
    s.append(' ');
    appendTime(s, dateTime.toLocalTime());
    return s.toString();
  }

  public static LocalDateTime localDateTime(String text) {
    return LocalDateTime.of(localDate(text), time(text, 11));
  }

  /** Plain notation: {@code 1E+3} is written {@code 1000}, so any SQL tool reads it. */
  public static String text(BigDecimal decimal) {
    return decimal.toPlainString();
  }

  private static void appendDate(StringBuilder s, LocalDate date) {
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      throw new IllegalArgumentException(date + " is outside the years 0000-9999 that SQLite's"
          + " fixed-width date text holds in order");
    }
    pad(s, year, 4).append('-');
    pad(s, date.getMonthValue(), 2).append('-');
    pad(s, date.getDayOfMonth(), 2);
  }

  private static void appendTime(StringBuilder s, LocalTime time) {
    pad(s, time.getHour(), 2).append(':');
    pad(s, time.getMinute(), 2).append(':');
    pad(s, time.getSecond(), 2).append('.');
    pad(s, time.getNano() / 1000, 6);
  }

  private static LocalTime time(String text, int at) {
    int micros = 0;
    int end = Math.min(text.length(), at + 15);
    if (end > at + 9) {
      micros = number(text, at + 9, end);
      for (int digits = end - at - 9; digits < 6; digits++) {
        micros *= 10;
      }
    }
    return LocalTime.of(number(text, at, at + 2), number(text, at + 3, at + 5),
        number(text, at + 6, at + 8), micros * 1000);
  }

  private static StringBuilder pad(StringBuilder s, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      s.append('0');
    }
    return s.append(digits);
  }

  private static int number(String text, int from, int to) {
    try {
      return Integer.parseInt(text, from, to, 10);
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("'" + text + "' is not a date or time Keystone wrote", e);
    }
  }
}
