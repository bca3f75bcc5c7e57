package keystone.engine.postgres;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.engine.spi.ForeignKeyInfo;
import keystone.engine.spi.SqliteValues;
import keystone.engine.spi.ValueType;

/**
 * A key as the Java values print, from PostgreSQL's text for it: the text in a 23503's DETAIL, or
 * {@code getString} of the key columns. Their output formats are PostgreSQL's defaults, which
 * pgjdbc keeps (DateStyle ISO; a TIMESTAMPTZ in the session's time zone, with its offset; an
 * INTERVAL in the {@code postgres} style):
 * https://www.postgresql.org/docs/14/datatype-datetime.html#DATATYPE-DATETIME-OUTPUT. Text in
 * any other form prints as it is.
 */
final class PgKeyText {
  private static final Pattern DATE_TIME = Pattern.compile(
      "(\\d{4,})-(\\d{2})-(\\d{2})(?: (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?)?"
          + "(?:([+-])(\\d{2})(?::(\\d{2}))?(?::(\\d{2}))?)?( BC)?");
  private static final Pattern TIME =
      Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");

  private PgKeyText() {}

  /** {@code texts}, the key's values as PostgreSQL wrote them, as the Java values print. */
  static List<String> of(ForeignKeyInfo key, List<String> texts) {
    List<String> shown = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      shown.add(key == null || key.keyTypes().size() != texts.size()
          ? String.valueOf(text) : text(key.keyTypes().get(i), text));
    }
    return shown;
  }

  static String text(ValueType type, String text) {
    if (text == null) {
      return "null";
    }
    try {
      Object value = value(type, text);
      return value == null ? text : type.text(value);
    } catch (RuntimeException notOurs) {
      return text;
    }
  }

  /** The Java value, or null when the text is not in the form this reads. */
  private static Object value(ValueType type, String text) {
    return switch (type) {
      case BOOLEAN ->
          text.startsWith("t") ? Boolean.TRUE : text.startsWith("f") ? Boolean.FALSE : null;
      case FLOAT -> Float.parseFloat(text);
      case DOUBLE -> Double.parseDouble(text);
      case BYTES -> text.startsWith("\\x") ? HexFormat.of().parseHex(text, 2, text.length()) : null;
      case INSTANT, OFFSET_DATE_TIME -> instant(text);
      case LOCAL_DATE -> localDate(text);
      case LOCAL_DATE_TIME -> localDateTime(text);
      case LOCAL_TIME -> localTime(text);
      case DURATION -> SqliteValues.duration(PgIntervals.micros(text));
      case UUID -> UUID.fromString(text);
      case BIG_DECIMAL -> new BigDecimal(text);
      case BIG_INTEGER -> new BigInteger(text);
      default -> text;
    };
  }

  private static Object instant(String text) {
    Matcher m = DATE_TIME.matcher(text);
    if (!m.matches() || m.group(4) == null || m.group(8) == null) {
      return null;
    }
    int seconds = Integer.parseInt(m.group(9)) * 3600
        + (m.group(10) == null ? 0 : Integer.parseInt(m.group(10)) * 60)
        + (m.group(11) == null ? 0 : Integer.parseInt(m.group(11)));
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(m.group(8).equals("-") ? -seconds : seconds);
    return dateTime(m).atOffset(offset).toInstant();
  }

  private static Object localDate(String text) {
    Matcher m = DATE_TIME.matcher(text);
    return m.matches() && m.group(4) == null && m.group(8) == null ? date(m) : null;
  }

  private static Object localDateTime(String text) {
    Matcher m = DATE_TIME.matcher(text);
    return m.matches() && m.group(4) != null && m.group(8) == null ? dateTime(m) : null;
  }

  private static Object localTime(String text) {
    Matcher m = TIME.matcher(text);
    return m.matches() ? time(m.group(1), m.group(2), m.group(3), m.group(4)) : null;
  }

  /** A year "BC" is ISO's year 1 - n: 1 BC is year 0. */
  private static LocalDate date(Matcher m) {
    int year = Integer.parseInt(m.group(1));
    return LocalDate.of(m.group(12) == null ? year : 1 - year,
        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  private static LocalDateTime dateTime(Matcher m) {
    return LocalDateTime.of(date(m), time(m.group(4), m.group(5), m.group(6), m.group(7)));
  }

  private static LocalTime time(String hours, String minutes, String seconds, String fraction) {
    int nanos = 0;
    if (fraction != null) {
      nanos = Integer.parseInt((fraction + "00000000").substring(0, 9));
    }
    return LocalTime.of(Integer.parseInt(hours), Integer.parseInt(minutes),
        Integer.parseInt(seconds), nanos);
  }
}
