package keystone.engine.sqlite;

import java.nio.charset.StandardCharsets;
import keystone.engine.sqlite.driver.DriverStatement;

/**
 * A write that Keystone runs in several steps where this SQLite lacks the syntax for one, and
 * that answers like the generated statement would: all its work at the first step, then, when the
 * generated SQL ends in {@code RETURNING rowid}, one row holding the rowid it wrote (none when it
 * changed nothing). Binds go to {@link #delegate}, and {@link #bound} sees their values.
 */
abstract class RowidAnswer extends ForwardingStatement {
  /** Whether the generated SQL asked for {@code RETURNING rowid}. */
  private final boolean answers;
  /** 0 not run, 1 on the rowid row, 2 done. */
  private int state;
  private long rowid;

  RowidAnswer(DriverStatement delegate, boolean answers) {
    super(delegate);
    this.answers = answers;
  }

  /**
   * Does the statement's work, once per run; returns whether it changed a row, after telling its
   * rowid to {@link #wrote} when {@link #answers()}.
   *
   * @throws keystone.engine.sqlite.driver.DriverException what SQLite reported
   */
  protected abstract boolean run();

  /** Whether the generated SQL asked for the rowid, so {@link #run} must find it. */
  protected final boolean answers() {
    return answers;
  }

  /** The rowid the run wrote. */
  protected final void wrote(long rowid) {
    this.rowid = rowid;
  }

  @Override
  public boolean step() {
    if (state != 0) {
      state = 2;
      return false;
    }
    state = 2;
    if (run() && answers) {
      state = 1;
      return true;
    }
    return false;
  }

  @Override
  public int columnCount() {
    return answers ? 1 : 0;
  }

  @Override
  public String columnName(int column) {
    return "rowid";
  }

  @Override
  public int columnType(int column) {
    return INTEGER;
  }

  @Override
  public boolean columnIsNull(int column) {
    return false;
  }

  @Override
  public long columnLong(int column) {
    row();
    return rowid;
  }

  @Override
  public double columnDouble(int column) {
    return columnLong(column);
  }

  @Override
  public String columnText(int column) {
    return Long.toString(columnLong(column));
  }

  @Override
  public byte[] columnBlob(int column) {
    return columnText(column).getBytes(StandardCharsets.UTF_8);
  }

  private void row() {
    if (state != 1) {
      throw new IllegalStateException("No row: the write returned none");
    }
  }

  @Override
  public void reset() {
    state = 0;
    delegate.reset();
  }
}
