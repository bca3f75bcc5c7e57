package keystone.engine.sqlite.driver;

/**
 * One prepared statement (https://www.sqlite.org/c3ref/stmt.html). Parameters are 1-based and
 * columns 0-based, as in SQLite's C API. Every method throws {@link DriverException} for what
 * SQLite reports.
 */
public interface DriverStatement extends AutoCloseable {
  int INTEGER = 1;
  int FLOAT = 2;
  int TEXT = 3;
  int BLOB = 4;
  int NULL = 5;

  int parameterCount();

  void bindNull(int index);

  void bindLong(int index, long value);

  void bindDouble(int index, double value);

  void bindText(int index, String value);

  void bindBlob(int index, byte[] value);

  /** Sets every parameter to NULL (https://www.sqlite.org/c3ref/clear_bindings.html). */
  void clearBindings();

  /**
   * Runs the statement to its next row: true when a row is ready to read, false when it is done
   * (https://www.sqlite.org/c3ref/step.html). A statement without rows does all its work in the
   * first step. Once it returns false it keeps returning false until {@link #reset()}.
   */
  boolean step();

  int columnCount();

  String columnName(int column);

  /** The current row's storage class at {@code column}: {@link #INTEGER} ... {@link #NULL}. */
  int columnType(int column);

  /** Whether the current row holds NULL at {@code column}; the hot path's cheaper question. */
  default boolean columnIsNull(int column) {
    return columnType(column) == NULL;
  }

  long columnLong(int column);

  double columnDouble(int column);

  /** The text, or null for NULL. */
  String columnText(int column);

  /** The bytes, or null for NULL. */
  byte[] columnBlob(int column);

  /**
   * Readies the statement to run again with the same bindings, ending any rows not read
   * (https://www.sqlite.org/c3ref/reset.html). It reports no error that {@link #step()} already
   * reported; the dialect steps a write to its end before resetting it, since a write that fails
   * at its end (its implicit commit) would otherwise fail unseen.
   */
  void reset();

  /** Queues the current bindings as one row of a batch; bind the next row after it. */
  void addBatch();

  /**
   * Runs the queued rows in order as separate executions, stopping at the first that fails, and
   * returns the rows they changed. Nothing stays queued afterwards, whether or not it failed.
   */
  long executeBatch();

  @Override
  void close();
}
