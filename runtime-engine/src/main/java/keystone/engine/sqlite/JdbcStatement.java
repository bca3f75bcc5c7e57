package keystone.engine.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneException;
import keystone.engine.spi.Arguments;
import keystone.engine.raw.RawStatement;

/** {@link SqlStatement} over a sqlite-jdbc prepared statement. Not thread-safe, like its connection. */
public final class JdbcStatement implements RawStatement {
  private final SqliteConnection connection;
  private final PreparedStatement statement;
  private final String sql;
  private final boolean closeOnReset;
  private static final java.util.regex.Pattern RETURNING =
      java.util.regex.Pattern.compile("(?i)\\bRETURNING\\b");

  private final BoundRows bound;
  /** How many parameters the SQL has. */
  private final int parameters;
  /** An INSERT, UPDATE or DELETE with RETURNING: see {@link #finish}. */
  private final boolean writesWithReturning;
  private ResultSet rows;
  private boolean broken;
  /** Rows of the last failed batch, kept for {@link #rerun()}; 0 when the last run was single. */
  private int failedBatchRows;

  JdbcStatement(
      SqliteConnection connection, PreparedStatement statement, String sql, boolean closeOnReset) {
    this.connection = connection;
    this.statement = statement;
    this.sql = sql;
    this.closeOnReset = closeOnReset;
    this.parameters = parameterCount(statement);
    this.bound = new BoundRows(parameters);
    this.writesWithReturning = writesWithReturning(sql);
  }

  private static int parameterCount(PreparedStatement statement) {
    try {
      return statement.getParameterMetaData().getParameterCount();
    } catch (SQLException e) {
      return 0;
    }
  }

  public String sql() {
    return sql;
  }

  /**
   * sqlite-jdbc finalizes the native statement after an error that is not a constraint's (such
   * as "triggers nested too deep") while the JDBC object still looks open; such a statement must
   * be prepared again.
   */
  boolean isBroken() {
    return broken;
  }

  boolean hasOpenResult() {
    return rows != null;
  }

  @Override
  public void bindNull(int index) {
    try {
      statement.setNull(index, java.sql.Types.NULL);
      bound.set(index, BoundRows.NULL, 0, null);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void bindLong(int index, long value) {
    try {
      statement.setLong(index, value);
      bound.set(index, BoundRows.LONG, value, null);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void bindDouble(int index, double value) {
    try {
      statement.setDouble(index, value);
      bound.set(index, BoundRows.DOUBLE, Double.doubleToRawLongBits(value), null);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void bindBoolean(int index, boolean value) {
    bindLong(index, value ? 1 : 0);
  }

  @Override
  public void bindText(int index, String value) {
    try {
      statement.setString(index, value);
      bound.set(index, value == null ? BoundRows.NULL : BoundRows.TEXT, 0, value);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void bindBlob(int index, byte[] value) {
    try {
      statement.setBytes(index, value);
      bound.set(index, value == null ? BoundRows.NULL : BoundRows.BLOB, 0, value);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /** Binds raw arguments from index 1, clearing whatever an earlier use left bound. */
  @Override
  public void bindAll(Object... args) {
    try {
      statement.clearParameters();
    } catch (SQLException e) {
      throw fail(e);
    }
    Arguments.bind(this, args);
  }


  @Override
  public void addBatch() {
    try {
      statement.addBatch();
      bound.nextRow();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /**
   * SQLite runs a batch as separate statements, so rows before a failing one stay written; the
   * savepoint takes them back before the failure is diagnosed by replaying the batch. Two tiny
   * statements per batch, not per row.
   */
  @Override
  public int executeBatch() {
    int queued = bound.rows();
    connection.exec("SAVEPOINT ks_batch");
    int changed = 0;
    try {
      for (int count : statement.executeBatch()) {
        changed += Math.max(count, 0);
      }
    } catch (SQLException e) {
      throw failBatch(e, queued);
    }
    try {
      // Outside a transaction this RELEASE is the batch's commit, where deferred keys are checked.
      connection.exec("RELEASE ks_batch");
    } catch (ForeignKeyViolationException refusedAtCommit) {
      throw failBatch((SQLException) refusedAtCommit.getCause(), queued);
    }
    bound.clear();
    return changed;
  }

  /** Takes the whole batch back, then diagnoses it by replaying its rows. */
  private KeystoneException failBatch(SQLException e, int queued) {
    connection.exec("ROLLBACK TO ks_batch");
    connection.exec("RELEASE ks_batch");
    failedBatchRows = queued;
    try {
      return fail(e);
    } finally {
      bound.clear();
      failedBatchRows = 0;
    }
  }

  @Override
  public int executeUpdate() {
    try {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public long executeInsert() {
    if (executeUpdate() == 0) {
      return -1;
    }
    Object id = connection.queryValue("SELECT last_insert_rowid()");
    return (Long) id;
  }

  /**
   * The values bound for the last single run, as Long, Double, String, byte[] or null, for a
   * diagnosis that asks the database with them; null after a batch.
   */
  public Object[] boundValues() {
    if (failedBatchRows > 0) {
      return null;
    }
    Object[] values = new Object[parameters];
    for (int index = 1; index <= values.length; index++) {
      values[index - 1] = switch (bound.kind(0, index)) {
        case BoundRows.LONG -> bound.number(0, index);
        case BoundRows.DOUBLE -> Double.longBitsToDouble(bound.number(0, index));
        case BoundRows.TEXT, BoundRows.BLOB -> bound.reference(0, index);
        default -> null;
      };
    }
    return values;
  }

  /** Re-runs the statement with its current bindings; for failure diagnosis only. */
  public void rerun() throws SQLException {
    if (failedBatchRows == 0) {
      runOnce();
      return;
    }
    for (int row = 0; row < failedBatchRows; row++) {
      for (int index = 1; index <= bound.width(); index++) {
        rebind(row, index);
      }
      runOnce();
    }
  }

  private void runOnce() throws SQLException {
    // RETURNING makes every change at the first step (https://www.sqlite.org/lang_returning.html).
    if (statement.execute()) {
      statement.getResultSet().close();
    }
  }

  private void rebind(int row, int index) throws SQLException {
    switch (bound.kind(row, index)) {
      case BoundRows.LONG -> statement.setLong(index, bound.number(row, index));
      case BoundRows.DOUBLE ->
          statement.setDouble(index, Double.longBitsToDouble(bound.number(row, index)));
      case BoundRows.TEXT -> statement.setString(index, (String) bound.reference(row, index));
      case BoundRows.BLOB -> statement.setBytes(index, (byte[]) bound.reference(row, index));
      default -> statement.setNull(index, java.sql.Types.NULL);
    }
  }

  /** Runs a statement of any kind; returns whether it produced rows (now open for step()). */
  @Override
  public boolean execute() {
    try {
      if (statement.execute()) {
        rows = statement.getResultSet();
        return true;
      }
      return false;
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /** Rows changed by the last {@link #execute()}, or -1 when it produced rows. */
  @Override
  public int updateCount() {
    try {
      return statement.getUpdateCount();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public boolean step() {
    try {
      if (rows == null) {
        rows = statement.executeQuery();
      }
      return rows.next();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public String columnName(int column) {
    try {
      return rows.getMetaData().getColumnLabel(column + 1);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /** Column count of the open result. */
  @Override
  public int columnCount() {
    try {
      return rows.getMetaData().getColumnCount();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public boolean isNull(int column) {
    try {
      rows.getLong(column + 1);
      return rows.wasNull();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public long columnLong(int column) {
    try {
      return rows.getLong(column + 1);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public double columnDouble(int column) {
    try {
      return rows.getDouble(column + 1);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public boolean columnBoolean(int column) {
    return columnLong(column) != 0;
  }

  @Override
  public String columnText(int column) {
    try {
      return rows.getString(column + 1);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public byte[] columnBlob(int column) {
    try {
      return rows.getBytes(column + 1);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /** The current row's value as Long, Double, String, byte[] or null. */
  @Override
  public Object columnValue(int column) {
    try {
      return SqliteConnection.value(rows, column + 1);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void reset() {
    ResultSet open = rows;
    try {
      if (open != null && writesWithReturning) {
        finish(open);
      }
      rows = null;
      if (open != null) {
        open.close();
      }
    } catch (SQLException e) {
      throw fail(e);
    } finally {
      if (closeOnReset) {
        close();
      }
    }
  }

  void close() {
    rows = null;
    try {
      statement.close();
    } catch (SQLException e) {
      // Closing after a failure: the statement is gone either way.
    }
  }

  /**
   * Steps a write with RETURNING to its end. Outside a transaction its end is its commit, where
   * SQLite checks deferred keys; closing the rows early would drop that error, and with it the
   * refusal (https://www.sqlite.org/c3ref/reset.html).
   */
  private static void finish(ResultSet open) throws SQLException {
    while (open.next()) {
      // Rows the caller did not want.
    }
  }

  private static boolean writesWithReturning(String sql) {
    return RETURNING.matcher(sql).find()
        && !sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6);
  }

  private KeystoneException fail(SQLException e) {
    broken = (ConstraintErrors.code(e) & 0xff) != org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT.code;
    ResultSet open = rows;
    rows = null;
    if (open != null) {
      try {
        open.close();
      } catch (SQLException ignored) {
        // The original error is the one worth reporting.
      }
    }
    return connection.translate(e, this);
  }
}
