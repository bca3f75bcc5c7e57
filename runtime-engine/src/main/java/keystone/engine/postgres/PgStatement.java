package keystone.engine.postgres;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneException;
import keystone.engine.spi.Arguments;
import keystone.engine.spi.SqliteValues;
import keystone.engine.raw.RawStatement;

/**
 * {@link SqlStatement} over the PostgreSQL JDBC driver. The SQL arrives in the generated
 * (SQLite) spelling and is adapted once by {@link PgSql}; an INSERT that must return its new key
 * is prepared a second time with {@code RETURNING}, on first use.
 */
final class PgStatement implements RawStatement {
  private Connection connection;
  private final PgSql.Adapted sql;
  private final PgErrors errors;
  private PreparedStatement statement;
  private PreparedStatement returning;
  /** The statement with its savepoint, for runs inside a transaction (PgGuarded). */
  private PgGuarded guarded;
  private ResultSet rows;
  /** What was bound, to bind the statement's other forms the same way. */
  private final PgBinds binds = new PgBinds();
  /**
   * Which form holds the last binds: {@link #statement} ({@link #BOUND_PLAIN}), the form with its
   * savepoint ({@link #guarded}, which a run inside a transaction sends), or neither, only
   * {@link #binds} ({@link #BOUND_NOWHERE}: a batch's rows are queued there and bound when the
   * batch runs). Each value is bound once, where a run used to bind the plain statement and then
   * copy every value over.
   */
  private byte bound = BOUND_PLAIN;
  private static final byte BOUND_PLAIN = 0;
  private static final byte BOUND_GUARDED = 1;
  private static final byte BOUND_NOWHERE = 2;
  /** The statement runs as a batch: its binds are only recorded, row by row. */
  private boolean batchLike;
  /** The batch's multi-row INSERTs, prepared on {@link #connection}; null until one runs. */
  private PgMultiRowStatements multiRows;
  /** The largest explicit key bound to the identity column since the last write, if any. */
  private long explicitKey;
  private boolean hasExplicitKey;

  /** A write the statement runs, again if the diagnosis needs to. */
  @FunctionalInterface
  private interface Work<T> {
    T run() throws SQLException;
  }

  /** The call using the statement now; null between calls (see PgPreparedCache). */
  private PgSession session;

  /** Prepared on {@code connection}, the driver's own one, to be kept from call to call. */
  PgStatement(Connection connection, PgSql.Adapted sql, PgErrors errors) {
    this.connection = connection;
    this.sql = sql;
    this.errors = errors;
    try {
      this.statement = connection.prepareStatement(sql.sql());
    } catch (SQLException e) {
      throw errors.translate(e, sql.sql());
    }
  }

  PgSession session() {
    return session;
  }

  /** A call takes the statement up. */
  void attach(PgSession session) {
    this.session = session;
  }

  /**
   * The call that used the statement ended: nothing of it may reach the next call. Its open rows
   * are closed, a batch it built but never ran (it failed on the way) is dropped, and an explicit
   * key it bound is forgotten; its bound values are overwritten by the next call's binds, which
   * bind every parameter before a run.
   */
  void detach() {
    session = null;
    hasExplicitKey = false;
    ResultSet open = rows;
    rows = null;
    try {
      if (open != null) {
        open.close();
      }
      binds.clearRows();
    } catch (SQLException e) {
      // The connection is gone; it keeps no statements then (PgPreparedCache.giveBack).
    }
  }

  /**
   * Runs the statement's exchange with the server through {@link PgSession#firstContact}: when
   * it is the call's first and the pooled connection was dead, it runs again on a fresh one.
   */
  private <T> T contact(boolean idempotent, java.util.function.Supplier<T> exchange) {
    if (!session.fresh()) {
      return exchange.get();
    }
    boolean hadExplicitKey = hasExplicitKey;
    long key = explicitKey;
    return session.firstContact(idempotent, exchange, () -> {
      reattach();
      hasExplicitKey = hadExplicitKey;
      explicitKey = key;
    });
  }

  /** The same statement on the session's new connection, bound as it was. */
  private void reattach() {
    connection = session.physical();
    returning = null;
    guarded = null;
    multiRows = null;
    try {
      statement = connection.prepareStatement(sql.sql());
      binds.copyTo(statement);
      bound = BOUND_PLAIN;
    } catch (SQLException e) {
      throw errors.translate(e, sql.sql());
    }
    session.adopt(this, sql.sql());
  }

  @Override
  public void bindNull(int index) {
    binds.putNull(index);
    try {
      PreparedStatement target = target();
      if (target != null) {
        target.setNull(index, Types.NULL);
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void bindLong(int index, long value) {
    binds.putLong(index, value);
    if (index == sql.identityParameter()) {
      explicitKey = hasExplicitKey ? Math.max(explicitKey, value) : value;
      hasExplicitKey = true;
    }
    try {
      PreparedStatement target = target();
      if (target != null) {
        target.setLong(index, value);
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void bindDouble(int index, double value) {
    binds.putDouble(index, value);
    try {
      PreparedStatement target = target();
      if (target != null) {
        target.setDouble(index, value);
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void bindBoolean(int index, boolean value) {
    binds.putBoolean(index, value);
    try {
      PreparedStatement target = target();
      if (target != null) {
        target.setBoolean(index, value);
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void bindText(int index, String value) {
    binds.putText(index, value);
    try {
      PreparedStatement target = target();
      if (target != null) {
        target.setString(index, value);
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void bindBlob(int index, byte[] value) {
    binds.putBytes(index, value);
    try {
      PreparedStatement target = target();
      if (target != null) {
        target.setBytes(index, value);
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  // The built-in value types as PostgreSQL's own: TIMESTAMPTZ, DATE, TIMESTAMP, TIME, INTERVAL,
  // UUID, NUMERIC. Times are truncated to the microsecond first, as SQLite's forms are, because
  // PostgreSQL would round them instead (https://www.postgresql.org/docs/14/datatype-datetime.html).

  private void bindObject(int index, Object value) {
    if (value == null) {
      bindNull(index);
      return;
    }
    binds.putObject(index, value);
    try {
      PreparedStatement target = target();
      if (target != null) {
        target.setObject(index, value);
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  private <T> T column(int column, Class<T> type) {
    try {
      return rows.getObject(column + 1, type);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void bindInstant(int index, Instant value) {
    bindObject(index, value == null ? null
        : OffsetDateTime.ofInstant(value.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
  }

  @Override
  public Instant columnInstant(int column) {
    OffsetDateTime value = column(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  @Override
  public void bindLocalDate(int index, LocalDate value) {
    bindObject(index, value);
  }

  @Override
  public LocalDate columnLocalDate(int column) {
    return column(column, LocalDate.class);
  }

  @Override
  public void bindLocalDateTime(int index, LocalDateTime value) {
    bindObject(index, value == null ? null : value.truncatedTo(ChronoUnit.MICROS));
  }

  @Override
  public LocalDateTime columnLocalDateTime(int column) {
    return column(column, LocalDateTime.class);
  }

  @Override
  public void bindLocalTime(int index, LocalTime value) {
    bindObject(index, value == null ? null : value.truncatedTo(ChronoUnit.MICROS));
  }

  @Override
  public LocalTime columnLocalTime(int column) {
    return column(column, LocalTime.class);
  }

  @Override
  public void bindDuration(int index, Duration value) {
    bindObject(index, value == null ? null : PgIntervals.of(SqliteValues.micros(value)));
  }

  @Override
  public Duration columnDuration(int column) {
    String text = columnText(column);
    return text == null ? null : SqliteValues.duration(PgIntervals.micros(text));
  }

  @Override
  public void bindUuid(int index, UUID value) {
    bindObject(index, value);
  }

  @Override
  public UUID columnUuid(int column) {
    return column(column, UUID.class);
  }

  @Override
  public void bindDecimal(int index, BigDecimal value) {
    bindObject(index, value);
  }

  @Override
  public BigDecimal columnDecimal(int column) {
    return column(column, BigDecimal.class);
  }

  /** Binds raw arguments from index 1. */
  @Override
  public void bindAll(Object... args) {
    Arguments.bind(this, args);
  }


  @Override
  public void addBatch() {
    batchLike = true;
    binds.queueRow();
  }

  /**
   * Runs the queued rows: as INSERTs of many rows where the statement and its table allow
   * ({@link PgMultiRowInsert}), else as pgjdbc's batch. The rows stay queued until the run ends,
   * so that a refusal can be re-run to name every key they break, and a batch that is the call's
   * first exchange can run again on a fresh connection when the pooled one was dead.
   */
  @Override
  public int executeBatch() {
    try {
      return binds.queuedRows() == 0 ? 0 : contact(false, this::runBatch);
    } finally {
      binds.clearRows();
    }
  }

  private int runBatch() {
    int rows = binds.queuedRows();
    try {
      PgMultiRowInsert insert = sql.multiRow();
      boolean multiRow = insert != null && insert.fits(binds.rowWidth())
          && insert.allowed(connection);
      boolean oneStatement = multiRow && rows <= insert.rowsPerStatement();
      if (session.single && !session.transaction && !oneStatement) {
        // Outside a transaction a batch of several statements keeps one: in auto-commit each
        // would commit its rows before the next ran (pgjdbc too sends a long batch in parts).
        session.beginLate();
      }
      if (oneStatement) {
        return write(() -> multiRows(insert).plain(rows).executeUpdate(),
            () -> multiRows(insert).guarded(rows).update(), true, true);
      }
      if (multiRow) {
        // Several exchanges: pgjdbc's autosave would put a savepoint around each, not around all.
        return write(() -> runChunks(insert, rows), null, true, false);
      }
      return write(() -> runAsDriverBatch(rows), null, true, true);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  private PgMultiRowStatements multiRows(PgMultiRowInsert insert) throws SQLException {
    if (multiRows == null) {
      multiRows = new PgMultiRowStatements(connection, insert, binds);
    }
    return multiRows;
  }

  /** The queued rows as INSERTs of as many rows as one takes; the rows written. */
  private int runChunks(PgMultiRowInsert insert, int rows) throws SQLException {
    int changed = 0;
    int chunk = insert.rowsPerStatement();
    for (int from = 0; from < rows; from += chunk) {
      int count = Math.min(chunk, rows - from);
      changed += multiRows(insert).plain(from, count).executeUpdate();
    }
    return changed;
  }

  /** The queued rows as pgjdbc's batch, one INSERT (or UPDATE, DELETE) a row, one exchange. */
  private int runAsDriverBatch(int rows) throws SQLException {
    bound = BOUND_NOWHERE;
    try {
      for (int row = 0; row < rows; row++) {
        binds.bindRow(statement, row, 1);
        statement.addBatch();
      }
    } catch (SQLException e) {
      statement.clearBatch();
      throw e;
    }
    int changed = 0;
    for (int count : statement.executeBatch()) {   // pgjdbc clears the batch, whatever the outcome
      changed += Math.max(count, 0);
    }
    return changed;
  }

  @Override
  public int executeUpdate() {
    try {
      return runUpdate();
    } finally {
      tablesMayHaveChanged();
    }
  }

  /** After DDL: which tables take a batch as one INSERT is asked again ({@link PgBatchTables}). */
  private void tablesMayHaveChanged() {
    if (sql.changesTables() != null) {
      sql.changesTables().forget();
    }
  }

  private int runUpdate() {
    return contact(false, () -> write(
        () -> {
          if (sql.returnsRows()) {
            // INSERT ... ON CONFLICT DO UPDATE RETURNING: generated code steps through it instead.
            return plain().execute() ? 1 : statement.getUpdateCount();
          }
          return plain().executeUpdate();
        },
        sql.returnsRows() ? null : () -> guarded().update(),
        true, true));
  }

  /**
   * Runs a write inside a savepoint when a transaction holding other work is open: PostgreSQL
   * would otherwise abort the whole transaction on its failure. A transaction that holds only
   * this statement ({@link PgSession#oneStatement}) is rolled back whole instead, which saves the
   * savepoint's two round trips, and a single statement outside a transaction runs in auto-commit
   * ({@link #autoCommitted}). A foreign-key failure is then re-run with every key deferred, as on
   * SQLite, so it lists every key the row breaks, not only the first the server met.
   */
  private <T> T write(Work<T> work, boolean rerunnable) {
    return write(work, null, rerunnable, true);
  }

  /**
   * {@code withSavepoint}, when given, runs the same statement with its savepoint sent in front
   * of it ({@link PgGuarded}); it serves inside a transaction that holds other work. Without it,
   * a work that is {@code oneExchange} gets its savepoint from pgjdbc's autosave, and any other
   * an explicit SAVEPOINT and RELEASE.
   */
  private <T> T write(Work<T> work, Work<T> withSavepoint, boolean rerunnable,
      boolean oneExchange) {
    try {
      if (session.single && !session.transaction) {
        if (!hasExplicitKey) {
          return autoCommitted(work, rerunnable);
        }
        // The sequence moves past an explicit key with a second statement: both in one
        // transaction, so that a failure of the second leaves no row the call reported failed.
        session.beginLate();
      }
      if (!session.manual()) {   // the session's own record: no call into the driver
        return afterWrite(work.run());
      }
      if (session.oneStatement || session.untouched) {
        // The transaction holds this statement alone (so far): a failure rolls all of it back.
        try {
          T result = afterWrite(work.run());
          session.untouched = false;
          return result;
        } catch (SQLException e) {
          if (PgFaults.lost(e)) {
            throw fail(e);   // The pool has closed the connection: nothing to roll back on.
          }
          connection.rollback();
          throw diagnosed(e, work, rerunnable);
        }
      }
      if (session.pipelined && !hasExplicitKey && (withSavepoint != null || oneExchange)) {
        try {
          return withSavepoint != null
              ? withSavepoint.run() : PgAutosave.run(session.pg(), connection, work::run);
        } catch (SQLException e) {
          if (PgFaults.lost(e)) {
            throw fail(e);
          }
          throw diagnosed(e, work, rerunnable);
        }
      }
      Savepoint savepoint = connection.setSavepoint();
      try {
        T result = afterWrite(work.run());
        connection.releaseSavepoint(savepoint);
        return result;
      } catch (SQLException e) {
        if (PgFaults.lost(e)) {
          throw fail(e);
        }
        connection.rollback(savepoint);
        throw diagnosed(e, work, rerunnable);
      }
    } catch (SQLException e) {
      throw fail(e);
    } finally {
      hasExplicitKey = false;
    }
  }

  /**
   * One statement in auto-commit: the server runs it in an implicit transaction that commits
   * when it succeeds, deferred keys checked at that commit, and rolls back whole when it fails.
   * A failure thus leaves nothing behind; a key's failure is re-run in a transaction of its own,
   * always rolled back, to name every key the row breaks. A connection lost on the way leaves
   * the outcome unknown.
   */
  private <T> T autoCommitted(Work<T> work, boolean rerunnable) throws SQLException {
    try {
      return work.run();
    } catch (SQLException e) {
      if (PgFaults.lost(e)) {
        rows = null;
        throw PgFaults.duringAutoCommit(e, sql.sql());
      }
      session.manualCommit(true);
      try {
        throw diagnosed(e, work, rerunnable);
      } finally {
        try {
          connection.rollback();
          session.manualCommit(false);
        } catch (SQLException ended) {
          // The diagnosis lost the connection: the call fails with the statement's own error.
        }
      }
    }
  }

  /**
   * After a write that bound explicit keys to an identity column: the sequence moves past the
   * largest, so that later generated keys follow it as SQLite's max(rowid) + 1 does instead of
   * colliding with it. Generated keys (the common case) pay nothing. setval is not transactional:
   * two transactions writing explicit keys at once may leave it at the lower one, and the next
   * generated key then fails as a UniqueViolationException.
   */
  private <T> T afterWrite(T result) throws SQLException {
    if (hasExplicitKey) {
      try (PreparedStatement move = connection.prepareStatement("SELECT setval(q.s, GREATEST(?,"
          + " COALESCE(pg_sequence_last_value(q.s), 0))) FROM (SELECT " + sql.sequenceSql()
          + " AS s) AS q")) {
        move.setLong(1, explicitKey);
        move.executeQuery().close();
      }
    }
    return result;
  }

  /** The failure of a write already undone, with every broken key when it is a key's. */
  private KeystoneException diagnosed(SQLException e, Work<?> work, boolean rerunnable) {
    KeystoneException failure = errors.translate(e, sql.sql());
    if (rerunnable && failure instanceof ForeignKeyViolationException refused
        && !blockedByRestrict(refused)) {
      List<ForeignKeyViolation> all =
          PgDiagnosis.rerun(session, errors.schema(), sql.sql(), work::run);
      if (!all.isEmpty()) {
        return new ForeignKeyViolationException(all, e);
      }
    }
    return failure;
  }

  /**
   * A RESTRICT key is never deferred, so a re-run with the keys deferred would stop at the same
   * key again: the server's report, which names it and the row, is already the whole answer.
   */
  private boolean blockedByRestrict(ForeignKeyViolationException refused) {
    if (refused.violations().size() != 1
        || refused.violations().get(0).kind() != ForeignKeyViolation.Kind.STILL_REFERENCED) {
      return false;
    }
    String statement = sql.sql().stripLeading();
    boolean delete = statement.regionMatches(true, 0, "DELETE", 0, 6);
    if (!delete && !statement.regionMatches(true, 0, "UPDATE", 0, 6)) {
      return false;
    }
    String constraint = refused.violations().get(0).constraint();
    for (keystone.engine.spi.ForeignKeyInfo key : errors.schema().foreignKeys()) {
      if (key.name().equals(constraint)) {
        return (delete ? key.onDelete() : key.onUpdate()) == keystone.ForeignKey.Action.RESTRICT;
      }
    }
    return false;
  }

  /** Runs the INSERT with {@code RETURNING <key>}; -1 when ON CONFLICT DO NOTHING skipped it. */
  @Override
  public long executeInsert() {
    return contact(false, () -> write(
        () -> {
          if (sql.returningKey() == null) {
            return plain().executeUpdate() == 0 ? -1L : 0L;
          }
          if (returning == null) {
            returning =
                connection.prepareStatement(sql.sql() + " RETURNING " + sql.returningKey());
          }
          // The parameters bound, not getParameterMetaData(): pgjdbc answers that with a
          // describe round trip. Every parameter is bound before a run (CallScope's rule).
          binds.copyTo(returning);
          try (ResultSet key = returning.executeQuery()) {
            return key.next() ? key.getLong(1) : -1L;
          }
        },
        true));
  }

  /**
   * Where a bind goes: inside a transaction whose statements send their savepoint with them, to
   * the form that does ({@link PgGuarded}), which the run will send; else to the plain statement.
   * A run that sends the other form after all (a diagnosis, an explicit key) copies the binds
   * over first ({@link #plain}, {@link #guarded}). A batch's binds go nowhere (null): its rows
   * are queued in {@link #binds} and bound when the batch runs.
   */
  private PreparedStatement target() throws SQLException {
    if (batchLike) {
      bound = BOUND_NOWHERE;
      return null;
    }
    PgSession s = session;
    if (s != null && s.transaction && s.pipelined && !s.oneStatement && !s.untouched) {
      if (guarded == null) {
        guarded = new PgGuarded(connection, sql.sql());
      }
      bound = BOUND_GUARDED;
      return guarded.prepared();
    }
    bound = BOUND_PLAIN;
    return statement;
  }

  /** The plain statement, bound as the last binds were. */
  private PreparedStatement plain() throws SQLException {
    if (bound != BOUND_PLAIN) {
      binds.copyTo(statement);
      bound = BOUND_PLAIN;
    }
    return statement;
  }

  /** The statement with its savepoint, bound as the last binds were. */
  private PgGuarded guarded() throws SQLException {
    if (guarded == null) {
      guarded = new PgGuarded(connection, sql.sql());
    }
    if (bound != BOUND_GUARDED) {
      binds.copyTo(guarded.prepared());
      bound = BOUND_GUARDED;
    }
    return guarded;
  }

  @Override
  public boolean step() {
    try {
      if (rows == null) {
        // A write with RETURNING makes its changes here, so it gets a write's savepoint.
        rows = contact(!sql.returnsRows(),
            () -> sql.returnsRows()
                ? write(() -> plain().executeQuery(), () -> guarded().query(), true, true) : query());
      }
      return rows.next();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /**
   * A read. Inside a transaction it sends its savepoint with it when it can: PostgreSQL aborts
   * the whole transaction on a failed read too, and a read call there keeps no savepoint of its
   * own ({@link PgScope.Kind#NESTED_READ}).
   */
  private ResultSet query() {
    try {
      if (session.transaction && session.untouched) {
        return firstInTransaction();
      }
      if (session.transaction && session.pipelined && !session.oneStatement) {
        return guarded().query();
      }
      return plain().executeQuery();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /**
   * A read that is the first statement of a transaction ({@link PgSession#untouched}): no
   * savepoint, since a failure that aborts the transaction rolls back nothing but the read, and
   * the transaction goes on with the next statement.
   */
  private ResultSet firstInTransaction() throws SQLException {
    try {
      ResultSet result = plain().executeQuery();
      session.untouched = false;
      return result;
    } catch (SQLException e) {
      if (!PgFaults.lost(e)) {
        connection.rollback();
      }
      throw e;
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

  @Override
  public int columnCount() {
    try {
      return rows.getMetaData().getColumnCount();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /** Runs any statement; true when it produced rows, now open for step(). */
  @Override
  public boolean execute() {
    try {
      return runAny();
    } finally {
      tablesMayHaveChanged();
    }
  }

  private boolean runAny() {
    return contact(false, () -> {
      try {
        if (plain().execute()) {
          rows = statement.getResultSet();
          return afterWrite(true);
        }
        return afterWrite(false);
      } catch (SQLException e) {
        throw fail(e);
      } finally {
        hasExplicitKey = false;
      }
    });
  }

  @Override
  public int updateCount() {
    try {
      return statement.getUpdateCount();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public boolean isNull(int column) {
    try {
      rows.getObject(column + 1);
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
    try {
      return rows.getBoolean(column + 1);
    } catch (SQLException e) {
      throw fail(e);
    }
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

  /** The value as the raw API promises: Long, Double, String, byte[] or null. */
  @Override
  public Object columnValue(int column) {
    try {
      Object value = rows.getObject(column + 1);
      if (value instanceof Integer || value instanceof Short || value instanceof Long) {
        return ((Number) value).longValue();
      }
      if (value instanceof Boolean b) {
        return b ? 1L : 0L;
      }
      if (value instanceof Float || value instanceof Double || value instanceof java.math.BigDecimal) {
        return ((Number) value).doubleValue();
      }
      if (value == null || value instanceof byte[] || value instanceof String) {
        return value;
      }
      return value.toString();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void reset() {
    ResultSet open = rows;
    rows = null;
    if (open != null) {
      try {
        open.close();
      } catch (SQLException e) {
        throw fail(e);
      }
    }
  }

  void close() {
    rows = null;
    try {
      statement.close();
      if (returning != null) {
        returning.close();
      }
      if (guarded != null) {
        guarded.close();
      }
      if (multiRows != null) {
        multiRows.close();
      }
    } catch (SQLException ignored) {
      // The connection goes back to the pool either way.
    }
  }

  private KeystoneException fail(SQLException e) {
    rows = null;
    return errors.translate(e, sql.sql());
  }
}
