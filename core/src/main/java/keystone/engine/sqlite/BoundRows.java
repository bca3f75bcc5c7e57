package keystone.engine.sqlite;

import java.util.Arrays;
import keystone.engine.sqlite.driver.DriverStatement;

/**
 * A copy of what was bound, row by row, kept in flat reusable arrays. SQLite's batch call forgets
 * its rows when one fails, and a failed statement is re-run to diagnose it; this is what it is
 * re-run from. Recording is an array store per bind: nothing is allocated once the arrays fit.
 */
final class BoundRows {
  static final byte NULL = 0;
  static final byte LONG = 1;
  static final byte DOUBLE = 2;
  static final byte TEXT = 3;
  static final byte BLOB = 4;

  private final int width;
  private byte[] kinds;
  private long[] numbers;
  private Object[] references;
  private int rows;

  BoundRows(int width) {
    this.width = Math.max(width, 1);
    int cells = this.width * 2;
    this.kinds = new byte[cells];
    this.numbers = new long[cells];
    this.references = new Object[cells];
  }

  /** Records parameter {@code index} (1-based) of the row being bound. */
  void set(int index, byte kind, long number, Object reference) {
    if (index < 1 || index > width) {
      return;
    }
    int cell = rows * width + index - 1;
    kinds[cell] = kind;
    numbers[cell] = number;
    references[cell] = reference;
  }

  /** Closes the row being bound and starts the next with the same values, as JDBC keeps them. */
  void nextRow() {
    ensure((rows + 2) * width);
    System.arraycopy(kinds, rows * width, kinds, (rows + 1) * width, width);
    System.arraycopy(numbers, rows * width, numbers, (rows + 1) * width, width);
    System.arraycopy(references, rows * width, references, (rows + 1) * width, width);
    rows++;
  }

  /** Forgets queued rows; the row being bound becomes the first. */
  void clear() {
    if (rows > 0) {
      System.arraycopy(kinds, rows * width, kinds, 0, width);
      System.arraycopy(numbers, rows * width, numbers, 0, width);
      System.arraycopy(references, rows * width, references, 0, width);
      Arrays.fill(references, width, (rows + 1) * width, null);
      rows = 0;
    }
  }

  int rows() {
    return rows;
  }

  int width() {
    return width;
  }

  byte kind(int row, int index) {
    return kinds[row * width + index - 1];
  }

  long number(int row, int index) {
    return numbers[row * width + index - 1];
  }

  Object reference(int row, int index) {
    return references[row * width + index - 1];
  }

  /** Binds {@code statement}'s parameter {@code index} to row {@code row}'s value at {@code column}. */
  void bindTo(DriverStatement statement, int index, int row, int column) {
    switch (kind(row, column)) {
      case LONG -> statement.bindLong(index, number(row, column));
      case DOUBLE -> statement.bindDouble(index, Double.longBitsToDouble(number(row, column)));
      case TEXT -> statement.bindText(index, (String) reference(row, column));
      case BLOB -> statement.bindBlob(index, (byte[]) reference(row, column));
      default -> statement.bindNull(index);
    }
  }

  private void ensure(int cells) {
    if (cells > kinds.length) {
      int size = Math.max(cells, kinds.length * 2);
      kinds = Arrays.copyOf(kinds, size);
      numbers = Arrays.copyOf(numbers, size);
      references = Arrays.copyOf(references, size);
    }
  }
}
