package keystone.engine.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The Java type a column's values have, as the processor resolved it: one constant per built-in
 * type (the processor's {@code BuiltIn} adapters, by the same names). A column with a user
 * {@code @TypeConverter} has its converter's column side. The engine needs it only to write a
 * failure's message: a key shows as the Java value would print ({@code 2024-05-01T10:15:30Z}),
 * not as it is stored (microseconds on SQLite, PostgreSQL's own text).
 */
public enum ValueType {
  BOOLEAN,
  BYTE,
  SHORT,
  INT,
  LONG,
  FLOAT,
  DOUBLE,
  STRING,
  BYTES,
  INSTANT,
  OFFSET_DATE_TIME,
  LOCAL_DATE,
  LOCAL_DATE_TIME,
  LOCAL_TIME,
  DURATION,
  UUID,
  BIG_DECIMAL,
  BIG_INTEGER,
  ENUM;

  /**
   * How {@code stored}, a value as SQLite returns it ({@code Long}, {@code Double},
   * {@code String}, {@code byte[]}), prints as this type's Java value. A value not in the form
   * Keystone writes (raw SQL may have stored anything) prints as it is stored.
   */
  public String sqliteText(Object stored) {
    try {
      return text(fromSqlite(stored));
    } catch (RuntimeException notOurs) {
      return storedText(stored);
    }
  }

  /** A Java value of this type as it prints: decimals in plain notation, at UTC for instants. */
  public String text(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof OffsetDateTime t) {
      return t.withOffsetSameInstant(ZoneOffset.UTC).toString();
    }
    return storedText(value);
  }

  /** The stored form as text, for a column of unknown type: what the engine read, as is. */
  public static String storedText(Object stored) {
    if (stored instanceof byte[] bytes) {
      return Arrays.toString(bytes);
    }
    return String.valueOf(stored);
  }

  private Object fromSqlite(Object stored) {
    if (stored == null) {
      return null;
    }
    return switch (this) {
      case BOOLEAN -> ((Long) stored) != 0;
      case FLOAT -> (float) (double) (Double) stored;
      case INSTANT -> SqliteValues.instant((Long) stored);
      case OFFSET_DATE_TIME -> SqliteValues.instant((Long) stored).atOffset(ZoneOffset.UTC);
      case DURATION -> SqliteValues.duration((Long) stored);
      case LOCAL_DATE -> SqliteValues.localDate((String) stored);
      case LOCAL_DATE_TIME -> SqliteValues.localDateTime((String) stored);
      case LOCAL_TIME -> SqliteValues.localTime((String) stored);
      case UUID -> java.util.UUID.fromString((String) stored);
      case BIG_DECIMAL -> new BigDecimal((String) stored);
      case BIG_INTEGER -> new BigInteger((String) stored);
      default -> stored;
    };
  }
}
