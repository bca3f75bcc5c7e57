package keystone.engine.sqlite;

import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneException;
import keystone.engine.raw.RawStatement;
import keystone.engine.spi.Arguments;
import keystone.engine.sqlite.driver.DriverException;
import keystone.engine.sqlite.driver.DriverStatement;

/**
 * {@link keystone.engine.spi.SqlStatement} over a driver's statement: the dialect's rules for
 * running it (RETURNING writes stepped to their end, batches inside a savepoint, failures
 * diagnosed). Not thread-safe, like its connection.
 */
public final class SqliteStatement implements RawStatement {
  private static final java.util.regex.Pattern RETURNING =
      java.util.regex.Pattern.compile("(?i)\\bRETURNING\\b");

  private final SqliteConnection connection;
  private final DriverStatement statement;
  private final String sql;
  private final boolean closeOnReset;
  private final BoundRows bound;
  /** How many parameters the SQL has. */
  private final int parameters;
  /** An INSERT, UPDATE or DELETE with RETURNING: see {@link #finish}. */
  private final boolean writesWithReturning;
  /** Whether SQLite counts the rows this statement changes (DML, not DDL or pragmas). */
  private final boolean countsChanges;
  /** Stepped and not yet reset: rows may be open. */
  private boolean open;
  /** {@link #execute()} already stepped to the first row, which the next step() returns. */
  private boolean pendingRow;
  private int updateCount = -1;
  private boolean broken;
  /** Rows of the last failed batch, kept for {@link #rerun()}; 0 when the last run was single. */
  private int failedBatchRows;
  /** This statement's batches as multi-row INSERTs, where its SQL allows: null where not. */
  private final MultiRowInsert multiRow;
  /** The batch being queued goes out as multi-row INSERTs: decided at its first row. */
  private boolean queuedAsRows;
  /** DDL: running it may change what {@link SqliteConnection#allowsMultiRowInsert} answered. */
  private final boolean changesSchema;

  SqliteStatement(
      SqliteConnection connection, DriverStatement statement, String sql, boolean closeOnReset) {
    this.connection = connection;
    this.statement = statement;
    this.sql = sql;
    this.closeOnReset = closeOnReset;
    this.parameters = statement.parameterCount();
    this.bound = new BoundRows(parameters);
    this.writesWithReturning = writesWithReturning(sql);
    this.countsChanges = startsWithAny(sql, "INSERT", "UPDATE", "DELETE", "REPLACE", "WITH");
    this.changesSchema = startsWithAny(sql, "CREATE", "DROP", "ALTER");
    this.multiRow = writesWithReturning || statement instanceof UpsertFallback.Run
        ? null : MultiRowInsert.parse(sql, parameters);
  }

  public String sql() {
    return sql;
  }

  /**
   * A driver may finalize the native statement after an error that is not a constraint's (such
   * as "triggers nested too deep", on sqlite-jdbc); such a statement is prepared again.
   */
  boolean isBroken() {
    return broken;
  }

  boolean hasOpenResult() {
    return open;
  }

  @Override
  public void bindNull(int index) {
    try {
      statement.bindNull(index);
      bound.set(index, BoundRows.NULL, 0, null);
    } catch (DriverException e) {
      throw fail(e);
    }
  }

  @Override
  public void bindLong(int index, long value) {
    try {
      statement.bindLong(index, value);
      bound.set(index, BoundRows.LONG, value, null);
    } catch (DriverException e) {
      throw fail(e);
    }
  }

  @Override
  public void bindDouble(int index, double value) {
    try {
      statement.bindDouble(index, value);
      bound.set(index, BoundRows.DOUBLE, Double.doubleToRawLongBits(value), null);
    } catch (DriverException e) {
      throw fail(e);
    }
  }

  @Override
  public void bindBoolean(int index, boolean value) {
    bindLong(index, value ? 1 : 0);
  }

  @Override
  public void bindText(int index, String value) {
    if (value == null) {
      bindNull(index);
      return;
    }
    try {
      statement.bindText(index, value);
      bound.set(index, BoundRows.TEXT, 0, value);
    } catch (DriverException e) {
      throw fail(e);
    }
  }

  @Override
  public void bindBlob(int index, byte[] value) {
    if (value == null) {
      bindNull(index);
      return;
    }
    try {
      statement.bindBlob(index, value);
      bound.set(index, BoundRows.BLOB, 0, value);
    } catch (DriverException e) {
      throw fail(e);
    }
  }

  /**
   * In the order-preserving text form where this SQLite has no {@code decimal} collation
   * (Android), else as plain text under the collation; BigInteger comes here too.
   */
  @Override
  public void bindDecimal(int index, java.math.BigDecimal value) {
    if (value != null && !connection.hasDecimalCollation()) {
      bindText(index, SortableDecimal.text(value));
      return;
    }
    RawStatement.super.bindDecimal(index, value);
  }

  @Override
  public java.math.BigDecimal columnDecimal(int column) {
    if (connection.hasDecimalCollation()) {
      return RawStatement.super.columnDecimal(column);
    }
    String text = columnText(column);
    return text == null ? null : SortableDecimal.decimal(text);
  }

  /** Binds raw arguments from index 1, clearing whatever an earlier use left bound. */
  @Override
  public void bindAll(Object... args) {
    try {
      statement.clearBindings();
    } catch (DriverException e) {
      throw fail(e);
    }
    Arguments.bind(this, args);
  }

  @Override
  public void addBatch() {
    try {
      if (bound.rows() == 0) {
        queuedAsRows = multiRow != null && connection.allowsMultiRowInsert(multiRow.table());
      }
      if (!queuedAsRows) {
        statement.addBatch();
      }
      bound.nextRow();
    } catch (DriverException e) {
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
    if (queuedAsRows) {
      queuedAsRows = false;
      return executeAsRows(queued);
    }
    connection.exec("SAVEPOINT ks_batch");
    long changed;
    try {
      changed = statement.executeBatch();
    } catch (DriverException e) {
      throw failBatch(e, queued);
    }
    releaseBatch(queued);
    return (int) changed;
  }

  private void releaseBatch(int queued) {
    try {
      // Outside a transaction this RELEASE is the batch's commit, where deferred keys are checked.
      connection.exec("RELEASE ks_batch");
    } catch (ForeignKeyViolationException refusedAtCommit) {
      throw failBatch((DriverException) refusedAtCommit.getCause(), queued);
    }
    bound.clear();
  }

  /**
   * The queued rows as {@link MultiRowInsert}s: one statement, and no savepoint, when they fit
   * one; else a statement per chunk inside the batch's savepoint.
   */
  private int executeAsRows(int queued) {
    int perStatement = multiRow.rowsPerStatement();
    if (queued <= perStatement) {
      long changed;
      try {
        changed = multiRow.run(connection, bound, 0, queued);
      } catch (DriverException e) {
        // SQLite undid the statement; the diagnosis replays its rows one by one.
        throw failRows(e, queued);
      }
      bound.clear();
      return (int) changed;
    }
    connection.exec("SAVEPOINT ks_batch");
    long changed = 0;
    try {
      for (int from = 0; from < queued; from += perStatement) {
        changed += multiRow.run(connection, bound, from, Math.min(perStatement, queued - from));
      }
    } catch (DriverException e) {
      throw failBatch(e, queued);
    }
    releaseBatch(queued);
    return (int) changed;
  }

  /** Takes the whole batch back, then diagnoses it by replaying its rows. */
  private KeystoneException failBatch(DriverException e, int queued) {
    connection.exec("ROLLBACK TO ks_batch");
    connection.exec("RELEASE ks_batch");
    return failRows(e, queued);
  }

  /** Diagnoses a batch that left nothing behind by replaying its {@code queued} rows. */
  private KeystoneException failRows(DriverException e, int queued) {
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
      noteSchemaChange();
      runToEnd();
      return changes();
    } catch (DriverException e) {
      throw fail(e);
    }
  }

  @Override
  public long executeInsert() {
    if (executeUpdate() == 0) {
      return -1;
    }
    return connection.lastInsertRowid();
  }

  private int changes() {
    if (!countsChanges) {
      return 0;
    }
    // An upsert run in steps on old SQLite counts its own: its last step may be a SELECT.
    return statement instanceof UpsertFallback.Run upsert
        ? upsert.changes()
        : (int) connection.changes();
  }

  /** Steps to the end and readies the statement for its next run, keeping its bindings. */
  private void runToEnd() {
    try {
      while (statement.step()) {
        // RETURNING makes every change at the first step (https://www.sqlite.org/lang_returning.html).
      }
    } finally {
      statement.reset();
    }
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

  /**
   * Re-runs the statement with its current bindings, or each row of its failed batch, for failure
   * diagnosis only.
   *
   * @throws DriverException what SQLite reports, undiagnosed
   */
  public void rerun() {
    if (failedBatchRows == 0) {
      runToEnd();
      return;
    }
    for (int row = 0; row < failedBatchRows; row++) {
      rerunRow(row);
    }
  }

  /** Rows {@link #rerun()} runs: the failed batch's, or 1. */
  public int rerunRows() {
    return Math.max(1, failedBatchRows);
  }

  /**
   * Re-runs row {@code row} of the failed batch alone (the statement itself after a single run).
   *
   * @throws DriverException what SQLite reports, undiagnosed
   */
  public void rerunRow(int row) {
    if (failedBatchRows > 0) {
      for (int index = 1; index <= bound.width(); index++) {
        bound.bindTo(statement, index, row, index);
      }
    }
    runToEnd();
  }

  /** Runs a statement of any kind; returns whether it produced rows (now open for step()). */
  @Override
  public boolean execute() {
    try {
      noteSchemaChange();
      boolean row = statement.step();
      if (statement.columnCount() > 0) {
        open = true;
        pendingRow = row;
        updateCount = -1;
        return true;
      }
      statement.reset();
      updateCount = changes();
      return false;
    } catch (DriverException e) {
      throw fail(e);
    }
  }

  /** Rows changed by the last {@link #execute()}, or -1 when it produced rows. */
  @Override
  public int updateCount() {
    return updateCount;
  }

  @Override
  public boolean step() {
    try {
      if (pendingRow) {
        pendingRow = false;
        return true;
      }
      open = true;
      return statement.step();
    } catch (DriverException e) {
      throw fail(e);
    }
  }

  @Override
  public String columnName(int column) {
    return statement.columnName(column);
  }

  /** Column count of the open result. */
  @Override
  public int columnCount() {
    return statement.columnCount();
  }

  @Override
  public boolean isNull(int column) {
    return statement.columnIsNull(column);
  }

  @Override
  public long columnLong(int column) {
    return statement.columnLong(column);
  }

  @Override
  public double columnDouble(int column) {
    return statement.columnDouble(column);
  }

  @Override
  public boolean columnBoolean(int column) {
    return columnLong(column) != 0;
  }

  @Override
  public String columnText(int column) {
    return statement.columnText(column);
  }

  @Override
  public byte[] columnBlob(int column) {
    return statement.columnBlob(column);
  }

  /** The current row's value as Long, Double, String, byte[] or null. */
  @Override
  public Object columnValue(int column) {
    return switch (statement.columnType(column)) {
      case DriverStatement.INTEGER -> statement.columnLong(column);
      case DriverStatement.FLOAT -> statement.columnDouble(column);
      case DriverStatement.TEXT -> statement.columnText(column);
      case DriverStatement.BLOB -> statement.columnBlob(column);
      default -> null;
    };
  }

  @Override
  public void reset() {
    boolean wasOpen = open;
    open = false;
    pendingRow = false;
    try {
      if (wasOpen && writesWithReturning) {
        finish();
      }
      if (wasOpen) {
        statement.reset();
      }
    } catch (DriverException e) {
      throw fail(e);
    } finally {
      if (closeOnReset) {
        close();
      }
    }
  }

  private void noteSchemaChange() {
    if (changesSchema) {
      connection.schemaChanged();
    }
  }

  void close() {
    open = false;
    if (multiRow != null) {
      multiRow.close();
    }
    try {
      statement.close();
    } catch (DriverException e) {
      // Closing after a failure: the statement is gone either way.
    }
  }

  /**
   * Steps a write with RETURNING to its end. Outside a transaction its end is its commit, where
   * SQLite checks deferred keys; resetting early would drop that error, and with it the refusal
   * (https://www.sqlite.org/c3ref/reset.html).
   */
  private void finish() {
    while (statement.step()) {
      // Rows the caller did not want.
    }
  }

  private static boolean writesWithReturning(String sql) {
    return RETURNING.matcher(sql).find() && !startsWithAny(sql, "SELECT");
  }

  private static boolean startsWithAny(String sql, String... keywords) {
    String text = sql.stripLeading();
    for (String keyword : keywords) {
      if (text.regionMatches(true, 0, keyword, 0, keyword.length())) {
        return true;
      }
    }
    return false;
  }

  private KeystoneException fail(DriverException e) {
    broken = (e.code() & 0xff) != ConstraintErrors.SQLITE_CONSTRAINT;
    open = false;
    pendingRow = false;
    try {
      // Ready to be re-run for the diagnosis, with its bindings.
      statement.reset();
    } catch (DriverException ignored) {
      // The original error is the one worth reporting.
    }
    return connection.translate(e, this);
  }
}
