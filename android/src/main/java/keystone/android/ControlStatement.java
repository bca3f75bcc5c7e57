package keystone.android;

import keystone.engine.sqlite.driver.DriverStatement;

/** BEGIN, COMMIT or ROLLBACK, run by its connection as savepoints: see {@link TransactionControl}. */
final class ControlStatement implements DriverStatement {
  private final AndroidConnection connection;
  private final TransactionControl control;

  ControlStatement(AndroidConnection connection, TransactionControl control) {
    this.connection = connection;
    this.control = control;
  }

  @Override
  public boolean step() {
    switch (control) {
      case BEGIN_DEFERRED -> connection.begin(false);
      case BEGIN_IMMEDIATE -> connection.begin(true);
      case COMMIT -> connection.commit();
      case ROLLBACK -> connection.rollback();
      default -> throw new AssertionError(control);
    }
    return false;
  }

  @Override
  public int parameterCount() {
    return 0;
  }

  @Override
  public void bindNull(int index) {
    throw noParameters(index);
  }

  @Override
  public void bindLong(int index, long value) {
    throw noParameters(index);
  }

  @Override
  public void bindDouble(int index, double value) {
    throw noParameters(index);
  }

  @Override
  public void bindText(int index, String value) {
    throw noParameters(index);
  }

  @Override
  public void bindBlob(int index, byte[] value) {
    throw noParameters(index);
  }

  private static RuntimeException noParameters(int index) {
    return new keystone.engine.sqlite.driver.DriverException(
        25, "column index out of range: " + index, null);
  }

  @Override
  public void clearBindings() {}

  @Override
  public int columnCount() {
    return 0;
  }

  @Override
  public String columnName(int column) {
    throw noColumns();
  }

  @Override
  public int columnType(int column) {
    throw noColumns();
  }

  @Override
  public long columnLong(int column) {
    throw noColumns();
  }

  @Override
  public double columnDouble(int column) {
    throw noColumns();
  }

  @Override
  public String columnText(int column) {
    throw noColumns();
  }

  @Override
  public byte[] columnBlob(int column) {
    throw noColumns();
  }

  private static RuntimeException noColumns() {
    return new IllegalStateException("BEGIN, COMMIT and ROLLBACK return no rows");
  }

  @Override
  public void reset() {}

  @Override
  public void addBatch() {
    throw new IllegalStateException("BEGIN, COMMIT and ROLLBACK cannot be batched");
  }

  @Override
  public long executeBatch() {
    throw new IllegalStateException("BEGIN, COMMIT and ROLLBACK cannot be batched");
  }

  @Override
  public void close() {}
}
