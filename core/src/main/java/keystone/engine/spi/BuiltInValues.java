package keystone.engine.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Binds a loose value of a built-in type (raw arguments, {@code previewDelete} keys). */
final class BuiltInValues {
  private BuiltInValues() {}

  /** Binds {@code value} if it is of a built-in value type; false when it is not. */
  static boolean bind(SqlStatement st, int index, Object value) {
    if (value instanceof Instant v) {
      st.bindInstant(index, v);
    } else if (value instanceof OffsetDateTime v) {
      st.bindOffsetDateTime(index, v);
    } else if (value instanceof LocalDate v) {
      st.bindLocalDate(index, v);
    } else if (value instanceof LocalDateTime v) {
      st.bindLocalDateTime(index, v);
    } else if (value instanceof LocalTime v) {
      st.bindLocalTime(index, v);
    } else if (value instanceof Duration v) {
      st.bindDuration(index, v);
    } else if (value instanceof UUID v) {
      st.bindUuid(index, v);
    } else if (value instanceof BigDecimal v) {
      st.bindDecimal(index, v);
    } else if (value instanceof BigInteger v) {
      st.bindBigInteger(index, v);
    } else {
      return false;
    }
    return true;
  }
}
