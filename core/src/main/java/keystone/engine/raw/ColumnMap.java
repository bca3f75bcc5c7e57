package keystone.engine.raw;

import java.util.ArrayList;
import java.util.List;
import keystone.engine.KeystoneException;
import keystone.engine.spi.SqlStatement;

/**
 * A {@code @RawQuery}'s result seen through the columns its result type wants: the generated
 * code reads column {@code i} of the type as {@code @Query} code reads a column resolved at
 * compile time, and this view finds it by name in the statement's result once per call. A
 * column the type may leave null and the result lacks reads as NULL; one it needs is an error
 * that names the property and lists the columns the query returned.
 */
public final class ColumnMap implements SqlStatement {
  private final SqlStatement st;
  private final int[] at;

  private ColumnMap(SqlStatement st, int[] at) {
    this.st = st;
    this.at = at;
  }

  /**
   * Runs {@code statement} and maps it.
   *
   * @param wanted per column of the type: its SQL name and its Java property name, either of
   *     which the result may use, ignoring case (as {@code @Query} matches them)
   * @param required per column: whether the property cannot be null
   * @param type the result type's simple name, for the message
   */
  public static SqlStatement of(
      SqlStatement statement, String[][] wanted, boolean[] required, String type) {
    RawStatement st = run(statement);
    int count = st.columnCount();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(st.columnName(i));
    }
    int[] at = new int[wanted.length];
    for (int w = 0; w < wanted.length; w++) {
      at[w] = -1;
      for (int i = 0; i < count && at[w] < 0; i++) {
        if (names.get(i).equalsIgnoreCase(wanted[w][0])
            || names.get(i).equalsIgnoreCase(wanted[w][1])) {
          at[w] = i;
        }
      }
      if (at[w] < 0 && required[w]) {
        st.reset();
        throw new KeystoneException("@RawQuery result has no column " + wanted[w][0] + " for "
            + type + "." + wanted[w][1] + ", which cannot be null; the query returned columns "
            + names);
      }
    }
    return new ColumnMap(st, at);
  }

  /** Runs {@code statement}, whose first column is read as a scalar. */
  public static SqlStatement scalar(SqlStatement statement) {
    RawStatement st = run(statement);
    if (st.columnCount() == 0) {
      st.reset();
      throw new KeystoneException("@RawQuery returned no column to read a value from");
    }
    return st;
  }

  /**
   * Runs {@code statement} for a method returning {@code void}, {@code int} or {@code long}: the
   * rows a write changed, or for a query the first column of its first row (a count).
   */
  public static long count(SqlStatement statement) {
    RawStatement st = (RawStatement) statement;
    try {
      if (!st.execute()) {
        return Math.max(0, st.updateCount());
      }
      if (!st.step()) {
        throw new KeystoneException("@RawQuery returned no row to read a count from");
      }
      return st.columnLong(0);
    } finally {
      st.reset();
    }
  }

  private static RawStatement run(SqlStatement statement) {
    RawStatement st = (RawStatement) statement;
    if (!st.execute()) {
      st.reset();
      throw new KeystoneException(
          "@RawQuery returned no rows: a method that reads rows runs a SELECT (or a statement"
              + " with RETURNING); return void, int or long for one that only writes");
    }
    return st;
  }

  @Override
  public boolean isNull(int column) {
    return at[column] < 0 || st.isNull(at[column]);
  }

  @Override
  public long columnLong(int column) {
    return at[column] < 0 ? 0 : st.columnLong(at[column]);
  }

  @Override
  public double columnDouble(int column) {
    return at[column] < 0 ? 0 : st.columnDouble(at[column]);
  }

  @Override
  public boolean columnBoolean(int column) {
    return at[column] >= 0 && st.columnBoolean(at[column]);
  }

  @Override
  public String columnText(int column) {
    return at[column] < 0 ? null : st.columnText(at[column]);
  }

  @Override
  public byte[] columnBlob(int column) {
    return at[column] < 0 ? null : st.columnBlob(at[column]);
  }

  @Override
  public boolean step() {
    return st.step();
  }

  @Override
  public void reset() {
    st.reset();
  }

  @Override
  public void bindNull(int index) {
    st.bindNull(index);
  }

  @Override
  public void bindLong(int index, long value) {
    st.bindLong(index, value);
  }

  @Override
  public void bindDouble(int index, double value) {
    st.bindDouble(index, value);
  }

  @Override
  public void bindBoolean(int index, boolean value) {
    st.bindBoolean(index, value);
  }

  @Override
  public void bindText(int index, String value) {
    st.bindText(index, value);
  }

  @Override
  public void bindBlob(int index, byte[] value) {
    st.bindBlob(index, value);
  }

  @Override
  public int executeUpdate() {
    throw new UnsupportedOperationException("a mapped result is read, not run again");
  }

  @Override
  public void addBatch() {
    throw new UnsupportedOperationException("a mapped result is read, not run again");
  }

  @Override
  public int executeBatch() {
    throw new UnsupportedOperationException("a mapped result is read, not run again");
  }

  @Override
  public long executeInsert() {
    throw new UnsupportedOperationException("a mapped result is read, not run again");
  }
}
