package keystone.engine.postgres;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;

/**
 * The values a statement's parameters were last bound to, so that another form of the statement
 * can be bound the same way: the RETURNING variant, the plain statement when the binds went to
 * the one with its savepoint (or the other way round), the diagnosis re-run, and the statement
 * prepared again on a new connection. Kept unboxed in flat arrays, as the SQLite side's
 * BoundRows does: recording is three array stores, where a boxed copy of every bound value
 * allocated for each long and double.
 */
final class PgBinds {
  private static final byte NULL = 0;
  private static final byte LONG = 1;
  private static final byte DOUBLE = 2;
  private static final byte BOOLEAN = 3;
  private static final byte TEXT = 4;
  private static final byte BYTES = 5;
  /** A value bound with setObject (times, UUID, NUMERIC). */
  private static final byte OBJECT = 6;

  private byte[] kinds = new byte[8];
  private long[] numbers = new long[8];
  private Object[] references = new Object[8];
  /** The highest parameter index bound so far. */
  private int width;

  void putNull(int index) {
    put(index, NULL, 0, null);
  }

  void putLong(int index, long value) {
    put(index, LONG, value, null);
  }

  void putDouble(int index, double value) {
    put(index, DOUBLE, Double.doubleToRawLongBits(value), null);
  }

  void putBoolean(int index, boolean value) {
    put(index, BOOLEAN, value ? 1 : 0, null);
  }

  void putText(int index, String value) {
    put(index, value == null ? NULL : TEXT, 0, value);
  }

  void putBytes(int index, byte[] value) {
    put(index, value == null ? NULL : BYTES, 0, value);
  }

  void putObject(int index, Object value) {
    put(index, value == null ? NULL : OBJECT, 0, value);
  }

  private void put(int index, byte kind, long number, Object reference) {
    if (index > kinds.length) {
      int size = Math.max(index, kinds.length * 2);
      kinds = Arrays.copyOf(kinds, size);
      numbers = Arrays.copyOf(numbers, size);
      references = Arrays.copyOf(references, size);
    }
    kinds[index - 1] = kind;
    numbers[index - 1] = number;
    references[index - 1] = reference;
    width = Math.max(width, index);
  }

  /** Binds parameters 1 to {@code count} of {@code target} as recorded, with the typed setters. */
  void copyTo(PreparedStatement target, int count) throws SQLException {
    for (int i = 0; i < count; i++) {
      int index = i + 1;
      switch (kinds[i]) {
        case LONG -> target.setLong(index, numbers[i]);
        case DOUBLE -> target.setDouble(index, Double.longBitsToDouble(numbers[i]));
        case BOOLEAN -> target.setBoolean(index, numbers[i] != 0);
        case TEXT -> target.setString(index, (String) references[i]);
        case BYTES -> target.setBytes(index, (byte[]) references[i]);
        case OBJECT -> target.setObject(index, references[i]);
        default -> target.setNull(index, Types.NULL);
      }
    }
  }

  /** Binds every parameter recorded so far. */
  void copyTo(PreparedStatement target) throws SQLException {
    copyTo(target, width);
  }
}
