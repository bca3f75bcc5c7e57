package keystone.engine.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A prepared statement in the shape of SQLite's C API: bind by 1-based index, step through rows,
 * read columns by 0-based index. Every failure is already a typed
 * {@link keystone.engine.KeystoneException}, with foreign-key violations diagnosed.
 */
public interface SqlStatement {
  void bindNull(int index);

  void bindLong(int index, long value);

  void bindDouble(int index, double value);

  /** Binds a boolean: 0/1 in SQLite, BOOLEAN in PostgreSQL. */
  void bindBoolean(int index, boolean value);

  /** Binds {@code value}, or NULL when it is null. */
  void bindText(int index, String value);

  /** Binds {@code value}, or NULL when it is null. */
  void bindBlob(int index, byte[] value);

  /** Runs DML or DDL and returns the number of rows changed. */
  int executeUpdate();

  /** Queues the current bindings as one execution of a batch; bind the next row after it. */
  void addBatch();

  /**
   * Runs every queued execution in one native call and returns the rows changed in all. On
   * failure nothing is left queued and the violation is diagnosed as for {@link #executeUpdate()}.
   */
  int executeBatch();

  /** Runs an INSERT and returns the new row's rowid, or -1 when a conflict clause skipped it. */
  long executeInsert();

  /** Runs a query on the first call, then moves to the next row; false when there is none. */
  boolean step();

  boolean isNull(int column);

  long columnLong(int column);

  double columnDouble(int column);

  boolean columnBoolean(int column);

  String columnText(int column);

  byte[] columnBlob(int column);

  // The built-in value types. The defaults store them as SQLite does (see SqliteValues); an
  // engine with native types overrides them. Each binds NULL for null and reads NULL as null.

  default void bindInstant(int index, Instant value) {
    if (value == null) {
      bindNull(index);
    } else {
      bindLong(index, SqliteValues.micros(value));
    }
  }

  default Instant columnInstant(int column) {
    long micros = columnLong(column);
    // NULL reads as 0: only then is a second look needed (one native call per value, not two).
    return micros == 0 && isNull(column) ? null : SqliteValues.instant(micros);
  }

  /** Keeps the instant; the offset is not stored, and the value comes back at UTC. */
  default void bindOffsetDateTime(int index, OffsetDateTime value) {
    bindInstant(index, value == null ? null : value.toInstant());
  }

  default OffsetDateTime columnOffsetDateTime(int column) {
    Instant instant = columnInstant(column);
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  default void bindLocalDate(int index, LocalDate value) {
    bindText(index, value == null ? null : SqliteValues.text(value));
  }

  default LocalDate columnLocalDate(int column) {
    String text = columnText(column);
    return text == null ? null : SqliteValues.localDate(text);
  }

  default void bindLocalDateTime(int index, LocalDateTime value) {
    bindText(index, value == null ? null : SqliteValues.text(value));
  }

  default LocalDateTime columnLocalDateTime(int column) {
    String text = columnText(column);
    return text == null ? null : SqliteValues.localDateTime(text);
  }

  default void bindLocalTime(int index, LocalTime value) {
    bindText(index, value == null ? null : SqliteValues.text(value));
  }

  default LocalTime columnLocalTime(int column) {
    String text = columnText(column);
    return text == null ? null : SqliteValues.localTime(text);
  }

  default void bindDuration(int index, Duration value) {
    if (value == null) {
      bindNull(index);
    } else {
      bindLong(index, SqliteValues.micros(value));
    }
  }

  default Duration columnDuration(int column) {
    long micros = columnLong(column);
    return micros == 0 && isNull(column) ? null : SqliteValues.duration(micros);
  }

  default void bindUuid(int index, UUID value) {
    bindText(index, value == null ? null : value.toString());
  }

  default UUID columnUuid(int column) {
    String text = columnText(column);
    return text == null ? null : UUID.fromString(text);
  }

  default void bindDecimal(int index, BigDecimal value) {
    bindText(index, value == null ? null : SqliteValues.text(value));
  }

  default BigDecimal columnDecimal(int column) {
    String text = columnText(column);
    return text == null ? null : new BigDecimal(text);
  }

  default void bindBigInteger(int index, BigInteger value) {
    bindDecimal(index, value == null ? null : new BigDecimal(value));
  }

  default BigInteger columnBigInteger(int column) {
    BigDecimal decimal = columnDecimal(column);
    return decimal == null ? null : decimal.toBigIntegerExact();
  }

  /** Ends the current result and clears the bindings so the statement can be reused. */
  void reset();
}
