package keystone.engine.sqlite;

import keystone.engine.sqlite.driver.DriverStatement;

/** A {@link DriverStatement} that hands every call to another, and tells its subclass the binds. */
abstract class ForwardingStatement implements DriverStatement {
  protected final DriverStatement delegate;

  ForwardingStatement(DriverStatement delegate) {
    this.delegate = delegate;
  }

  /** Called after each successful bind with the value (Long, Double, String, byte[] or null). */
  protected void bound(int index, Object value) {}

  /** Binds {@code value}, one of Long, Double, String, byte[] or null, to {@code statement}. */
  static void bind(DriverStatement statement, int index, Object value) {
    if (value == null) {
      statement.bindNull(index);
    } else if (value instanceof Long number) {
      statement.bindLong(index, number);
    } else if (value instanceof Double number) {
      statement.bindDouble(index, number);
    } else if (value instanceof String text) {
      statement.bindText(index, text);
    } else {
      statement.bindBlob(index, (byte[]) value);
    }
  }

  @Override
  public int parameterCount() {
    return delegate.parameterCount();
  }

  @Override
  public void bindNull(int index) {
    delegate.bindNull(index);
    bound(index, null);
  }

  @Override
  public void bindLong(int index, long value) {
    delegate.bindLong(index, value);
    bound(index, value);
  }

  @Override
  public void bindDouble(int index, double value) {
    delegate.bindDouble(index, value);
    bound(index, value);
  }

  @Override
  public void bindText(int index, String value) {
    delegate.bindText(index, value);
    bound(index, value);
  }

  @Override
  public void bindBlob(int index, byte[] value) {
    delegate.bindBlob(index, value);
    bound(index, value);
  }

  @Override
  public void clearBindings() {
    delegate.clearBindings();
  }

  @Override
  public boolean step() {
    return delegate.step();
  }

  @Override
  public int columnCount() {
    return delegate.columnCount();
  }

  @Override
  public String columnName(int column) {
    return delegate.columnName(column);
  }

  @Override
  public int columnType(int column) {
    return delegate.columnType(column);
  }

  @Override
  public boolean columnIsNull(int column) {
    return delegate.columnIsNull(column);
  }

  @Override
  public long columnLong(int column) {
    return delegate.columnLong(column);
  }

  @Override
  public double columnDouble(int column) {
    return delegate.columnDouble(column);
  }

  @Override
  public String columnText(int column) {
    return delegate.columnText(column);
  }

  @Override
  public byte[] columnBlob(int column) {
    return delegate.columnBlob(column);
  }

  @Override
  public void reset() {
    delegate.reset();
  }

  @Override
  public void addBatch() {
    delegate.addBatch();
  }

  @Override
  public long executeBatch() {
    return delegate.executeBatch();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
