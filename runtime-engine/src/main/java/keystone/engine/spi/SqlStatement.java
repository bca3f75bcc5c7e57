package keystone.engine.spi;

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

  /** Ends the current result and clears the bindings so the statement can be reused. */
  void reset();
}
