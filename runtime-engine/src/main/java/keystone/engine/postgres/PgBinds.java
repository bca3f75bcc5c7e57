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
 *
 * <p>A batch's rows are queued here too ({@link #queueRow}), not in the driver's batch: pgjdbc
 * forgets a failed batch's rows, and Keystone runs them again to name every key they break, or
 * sends them as one INSERT of many rows ({@link PgMultiRowInsert}).
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
  /** Rows queued by {@link #queueRow}, {@link #rowWidth} values each. */
  private byte[] rowKinds = new byte[0];
  private long[] rowNumbers = new long[0];
  private Object[] rowReferences = new Object[0];
  private int rows;
  private int rowWidth;

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
      set(target, i + 1, kinds[i], numbers[i], references[i]);
    }
  }

  private static void set(PreparedStatement target, int index, byte kind, long number,
      Object reference) throws SQLException {
    switch (kind) {
      case LONG -> target.setLong(index, number);
      case DOUBLE -> target.setDouble(index, Double.longBitsToDouble(number));
      case BOOLEAN -> target.setBoolean(index, number != 0);
      case TEXT -> target.setString(index, (String) reference);
      case BYTES -> target.setBytes(index, (byte[]) reference);
      case OBJECT -> target.setObject(index, reference);
      default -> target.setNull(index, Types.NULL);
    }
  }

  /** Binds every parameter recorded so far. */
  void copyTo(PreparedStatement target) throws SQLException {
    copyTo(target, width);
  }

  /** The parameters a statement of these binds has: the highest index bound. */
  int width() {
    return width;
  }

  /** Queues the values bound now as the batch's next row. */
  void queueRow() {
    if (rows == 0) {
      rowWidth = width;
    }
    int at = rows * rowWidth;
    if (at + rowWidth > rowKinds.length) {
      int size = Math.max(at + rowWidth, rowKinds.length * 2);
      rowKinds = Arrays.copyOf(rowKinds, size);
      rowNumbers = Arrays.copyOf(rowNumbers, size);
      rowReferences = Arrays.copyOf(rowReferences, size);
    }
    System.arraycopy(kinds, 0, rowKinds, at, rowWidth);
    System.arraycopy(numbers, 0, rowNumbers, at, rowWidth);
    System.arraycopy(references, 0, rowReferences, at, rowWidth);
    rows++;
  }

  /** Rows queued since the last {@link #clearRows}. */
  int queuedRows() {
    return rows;
  }

  /** Values each queued row has. */
  int rowWidth() {
    return rowWidth;
  }

  /**
   * Binds queued row {@code row} to parameters {@code first} to {@code first + rowWidth() - 1} of
   * {@code target}: row after row, they fill an INSERT of many rows.
   */
  void bindRow(PreparedStatement target, int row, int first) throws SQLException {
    int at = row * rowWidth;
    for (int i = 0; i < rowWidth; i++) {
      set(target, first + i, rowKinds[at + i], rowNumbers[at + i], rowReferences[at + i]);
    }
  }

  /** Forgets the queued rows; their references are dropped, the arrays kept for the next batch. */
  void clearRows() {
    Arrays.fill(rowReferences, 0, rows * rowWidth, null);
    rows = 0;
  }
}
