package keystone.engine.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import keystone.engine.DeletePlan;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneException;
import keystone.engine.guard.SqlGuard.GuardedStatement;
import keystone.engine.core.Invalidations;
import keystone.engine.raw.RawSql;
import keystone.engine.spi.Dialect;
import keystone.engine.spi.Engine;
import keystone.engine.spi.Observed;
import keystone.engine.spi.Schema;

/**
 * The engine on PostgreSQL: connections from a pool, one per thread for the length of its
 * outermost call, the same atomicity and the same exceptions as on SQLite. Where the two differ
 * it is PostgreSQL's own semantics that hold: RESTRICT is never deferred, NO ACTION is checked at
 * the end of each statement unless deferred, and a deferred key needs DEFERRABLE (which the
 * processor declares on every key). Opened with {@code deferrableKeys(false)}, for engines that
 * refuse DEFERRABLE, the keys are immediate and nothing defers them (see {@link PgKeyDeferral}).
 */
public final class PostgresEngine implements Engine {
  private final Schema schema;
  private final DataSource dataSource;
  private final AutoCloseable ownedPool;
  private final Consumer<String> trace;
  private final PgSql sql;
  private final PgErrors errors;
  private final Invalidations invalidations;
  private final ThreadLocal<PgSession> current = new ThreadLocal<>();
  /** The statements prepared on each pooled connection, kept from call to call. */
  private final PgPreparedCache prepared = new PgPreparedCache();
  private final RawSql raw;
  /** Whether a key is checked at COMMIT without deferForeignKeys(), see commit(). */
  private final boolean hasInitiallyDeferredKeys;
  private final boolean deferrableKeys;
  /** Whether the pool's connections release pgjdbc's automatic savepoints, see PgAutosave. */
  private volatile boolean pipelined;
  private volatile boolean closed;

  private PostgresEngine(
      Schema schema, DataSource dataSource, AutoCloseable ownedPool, Consumer<String> trace,
      boolean deferrableKeys) {
    this.deferrableKeys = deferrableKeys;
    this.schema = deferrableKeys ? schema : PgKeyDeferral.immediate(schema);
    this.dataSource = dataSource;
    this.ownedPool = ownedPool;
    this.trace = trace;
    this.sql = new PgSql(this.schema);
    this.errors = new PgErrors(this.schema);
    this.invalidations = new Invalidations(this.schema.tables().size());
    // Immediate keys (deferrableKeys(false)) are marked not deferred: nothing waits for COMMIT.
    this.hasInitiallyDeferredKeys =
        this.schema.foreignKeys().stream().anyMatch(keystone.engine.spi.ForeignKeyInfo::deferred);
    this.raw = new RawSql(this, PgGuard::check, invalidations::markAll, this::undeferForeignKeys,
        () -> PgGuard.verify(current.get().connection()));
  }

  /**
   * Opens the database on {@code dataSource}, creating or checking the schema.
   *
   * @param deferrableKeys false for a server that refuses DEFERRABLE keys: every key immediate
   */
  public static PostgresEngine open(
      Schema schema, DataSource dataSource, AutoCloseable ownedPool, Consumer<String> trace,
      List<keystone.engine.Migration> migrations, boolean deferrableKeys) {
    PostgresEngine engine =
        new PostgresEngine(schema, dataSource, ownedPool, trace, deferrableKeys);
    try {
      new PgSchemaInstaller(engine, engine.schema).install(migrations);
      engine.learnCatalog();
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    return engine;
  }

  /**
   * Once the schema is in place, what statements need of the catalog: each table's unique keys
   * and column types for REPLACE, and the identity sequences' names, which INSERTs use as
   * constants.
   */
  private void learnCatalog() {
    PgScope scope = begin(false);
    try {
      Connection c = scope.session().connection();
      sql.learn(PgReplace.read(c));
      sql.resolveSequences(c);
      scope.succeed();
      pipelined = PgAutosave.probe(c);
    } catch (SQLException e) {
      throw errors.translate(e, "reading the catalog");
    } finally {
      scope.end();
    }
  }

  /** The statements kept per pooled connection (for tests). */
  PgPreparedCache preparedCache() {
    return prepared;
  }

  PgSql.Adapted adapt(String statement) {
    return sql.adapt(statement);
  }

  PgErrors errors() {
    return errors;
  }

  void trace(String statement) {
    if (trace != null) {
      trace.accept(statement);
    }
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public keystone.engine.spi.CallScope beginRaw(keystone.engine.SqlQuery query) {
    return raw.begin(query);
  }

  @Override
  public Dialect dialect() {
    return Dialect.POSTGRES;
  }

  @Override
  public PgScope begin(boolean write) {
    return begin(write ? PgScope.Kind.TRANSACTION : PgScope.Kind.READ);
  }

  @Override
  public PgScope begin(int[] changedTables) {
    PgScope scope = begin(true);
    invalidations.mark(changedTables);
    return scope;
  }

  /**
   * One statement, or one batch. PostgreSQL makes a statement atomic, foreign-key actions
   * included, and {@link PgStatement} puts a savepoint around each write inside a transaction
   * that holds other work: so inside a transaction the call needs no savepoint of its own.
   *
   * <p>Outside a transaction, a statement that runs no foreign-key action ({@code runsActions}
   * false: an INSERT) runs in auto-commit, one round trip where BEGIN+statement and COMMIT made
   * two, as hand-written JDBC does. Its guarantees hold there too: the implicit transaction makes
   * it atomic, a deferred key is checked at its implicit commit and a violation fails the
   * statement, which {@link PgStatement} then diagnoses in a transaction of its own that it rolls
   * back. What changes is a connection lost while it runs: the outcome is then unknown
   * ({@link PgFaults#duringAutoCommit}). A batch, a statement that binds an explicit identity key
   * (which moves the sequence with a second statement) and a statement that can cascade keep a
   * transaction, which at the top level holds this statement alone, so it keeps no savepoint
   * either (a failure rolls the whole transaction back).
   */
  @Override
  public PgScope beginStatement(int[] changedTables, boolean runsActions) {
    PgScope scope = begin(runsActions ? PgScope.Kind.STATEMENT : PgScope.Kind.SINGLE);
    invalidations.mark(changedTables);
    return scope;
  }

  @Override
  public PgScope beginSnapshot() {
    return begin(PgScope.Kind.SNAPSHOT);
  }

  private PgScope begin(PgScope.Kind wanted) {
    if (closed) {
      throw new KeystoneException("The database is closed");
    }
    PgFaults.refuseInterrupted();
    PgSession session = current.get();
    PgScope.Kind kind = wanted;
    boolean alone = false;
    if (session == null) {
      session = new PgSession(this::borrow, prepared, deferrableKeys, pipelined);
      current.set(session);
    }
    if (session.transaction) {
      if (wanted == PgScope.Kind.STATEMENT || wanted == PgScope.Kind.SINGLE) {
        kind = PgScope.Kind.STATEMENT;
      } else if (session.pipelined
          && (wanted == PgScope.Kind.READ || wanted == PgScope.Kind.SNAPSHOT)) {
        // Each statement sends its own savepoint; a read changes nothing to undo.
        kind = PgScope.Kind.NESTED_READ;
      } else {
        kind = PgScope.Kind.SAVEPOINT;
      }
    } else if (wanted == PgScope.Kind.SINGLE && !session.manual()) {
      kind = PgScope.Kind.SINGLE;
      alone = true;
    } else if (wanted == PgScope.Kind.STATEMENT || wanted == PgScope.Kind.SINGLE) {
      kind = PgScope.Kind.TRANSACTION;
      alone = true;
    } else if (session.depth > 0 && wanted != PgScope.Kind.TRANSACTION) {
      kind = PgScope.Kind.READ;
    }
    session.depth++;
    try {
      PgScope scope = new PgScope(this, session, kind);
      session.oneStatement = alone;
      session.single = kind == PgScope.Kind.SINGLE;
      return scope;
    } catch (RuntimeException e) {
      exit(session, PgScope.Kind.READ, false);
      throw e;
    }
  }

  /**
   * A pooled connection. While the server is down the pool keeps trying to connect until
   * acquireTimeout has passed, then the call fails with a
   * {@link keystone.engine.ConnectionLostException}.
   */
  private Connection borrow() {
    long start = System.nanoTime();
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw PgFaults.noConnection(e, (System.nanoTime() - start) / 1_000_000);
    }
  }

  void exit(PgSession session, PgScope.Kind kind, boolean committed) {
    session.depth--;
    if (kind == PgScope.Kind.TRANSACTION || kind == PgScope.Kind.SINGLE) {
      // A statement sent in auto-commit may have committed even when the call failed after it:
      // telling observers once too often costs a re-run, missing a change would be wrong.
      boolean changed = committed || (kind == PgScope.Kind.SINGLE && !session.transaction);
      session.transaction = false;
      session.deferred = false;
      session.oneStatement = false;
      session.untouched = false;
      session.single = false;
      invalidations.transactionEnded(changed);
      try {
        session.manualCommit(false);
      } catch (SQLException ignored) {
        // Released below or by the outer call.
      }
    }
    if (session.depth == 0) {
      // Not remove(): the next call's get() would allocate the thread's map entry again.
      current.set(null);
      session.release();
    }
  }

  /**
   * Commits; a transaction that deferred its keys runs the server's queued checks first, so a
   * refusal lists every violation (PostgreSQL's own COMMIT names only the first) and rolls back.
   */
  void commit(PgSession session) throws SQLException {
    if (session.deferred || hasInitiallyDeferredKeys) {
      checkDeferredKeysBeforeCommit(session.connection());
    }
    try {
      session.connection().commit();
    } catch (SQLException e) {
      if (PgFaults.lost(e)) {
        throw PgFaults.duringCommit(e);
      }
      throw e;
    }
  }

  /**
   * A COMMIT refused by a deferred key names only the first violation and has already ended the
   * transaction, leaving nothing to look at. Checking the deferred keys at a savepoint first
   * (https://www.postgresql.org/docs/current/sql-set-constraints.html) costs one round trip, and
   * on a refusal the savepoint keeps the rows to list every violation from, the single-statement
   * call's implicit transaction included. When nothing is wrong the server checks each queued key
   * once, here, and COMMIT has nothing left to check: listing every key with an anti-join first,
   * as this did for deferForeignKeys(), checked each key twice, scanning whole child tables. A
   * refusal rolls back to the savepoint, which restores the deferred mode the transaction had.
   */
  private void checkDeferredKeysBeforeCommit(Connection connection) throws SQLException {
    try (java.sql.Statement st = connection.createStatement()) {
      st.execute("SAVEPOINT ks_commit; SET CONSTRAINTS ALL IMMEDIATE");
    } catch (SQLException refused) {
      if (!"23503".equals(refused.getSQLState())) {
        throw refused;
      }
      try (java.sql.Statement st = connection.createStatement()) {
        st.execute("ROLLBACK TO SAVEPOINT ks_commit");
      }
      List<ForeignKeyViolation> found = PgForeignKeyCheck.check(connection, schema);
      connection.rollback();
      throw new ForeignKeyViolationException(
          PgForeignKeyCheck.classify(connection, found), refused);
    }
  }

  @Override
  public boolean inTransaction() {
    return current.get() != null && current.get().transaction;
  }

  private PgSession transactionOrThrow(String what) {
    PgSession session = current.get();
    if (session == null || !session.transaction) {
      throw new IllegalStateException(
          what + " works inside a transaction only: call it within runInTransaction(...)");
    }
    return session;
  }

  /**
   * {@code SET CONSTRAINTS ALL DEFERRED}: every key is DEFERRABLE, RESTRICT stays immediate. With
   * {@code deferrableKeys(false)} no key can be deferred, which this says rather than commit a
   * transaction whose author counted on it.
   */
  @Override
  public void deferForeignKeys() {
    if (!deferrableKeys) {
      throw new UnsupportedOperationException(PgKeyDeferral.REFUSED);
    }
    PgSession session = transactionOrThrow("deferForeignKeys()");
    session.exec("SET CONSTRAINTS ALL DEFERRED");
    session.deferred = true;
  }

  private void undeferForeignKeys() {
    PgSession session = transactionOrThrow("SET CONSTRAINTS ALL IMMEDIATE");
    if (!deferrableKeys) {
      return; // every key is immediate already
    }
    List<ForeignKeyViolation> found = PgForeignKeyCheck.check(session.connection(), schema);
    if (!found.isEmpty()) {
      throw new ForeignKeyViolationException(found, null);
    }
    session.exec("SET CONSTRAINTS ALL IMMEDIATE");
  }

  /**
   * Keys immediate again once a migration has checked every key the database has, so that the
   * commit does not check the compiled ones, which an earlier version may not have yet.
   */
  void undeferCheckedKeys() {
    PgSession session = transactionOrThrow("SET CONSTRAINTS ALL IMMEDIATE");
    if (session.deferred) {
      session.exec("SET CONSTRAINTS ALL IMMEDIATE");
      session.deferred = false;
    }
  }

  /**
   * A migration's keys deferred to its end where the server can defer them; with immediate keys
   * each of its statements must keep them, and the checks before its commit still run.
   */
  void deferForMigration() {
    if (deferrableKeys) {
      deferForeignKeys();
    }
  }

  /** Keystone's own DDL as this server takes it: without DEFERRABLE when it refuses that. */
  String keyDdl(String ddl) {
    return deferrableKeys ? ddl : PgKeyDeferral.immediate(ddl);
  }

  @Override
  public List<ForeignKeyViolation> checkForeignKeys() {
    PgScope scope = begin(false);
    try {
      List<ForeignKeyViolation> found =
          PgForeignKeyCheck.check(scope.session().connection(), schema);
      scope.succeed();
      return found;
    } finally {
      scope.end();
    }
  }

  @Override
  public DeletePlan previewDelete(String deleteSql, Object... args) {
    List<GuardedStatement> statements = PgGuard.check(deleteSql);
    if (statements.size() != 1
        || !statements.get(0).sql().stripLeading().regionMatches(true, 0, "DELETE", 0, 6)) {
      throw new IllegalArgumentException("previewDelete takes one DELETE statement: " + deleteSql);
    }
    PgScope scope = begin(true);
    try {
      DeletePlan plan = new PgDeletePreview(scope.session(), schema, errors).preview(deleteSql, args);
      scope.succeed();
      return plan;
    } finally {
      scope.end();
    }
  }

  /** PostgreSQL checks its own pages; SQLite's quick_check has no counterpart to run here. */
  @Override
  public List<String> checkIntegrity() {
    throw new UnsupportedOperationException(
        "checkIntegrity() runs SQLite's PRAGMA quick_check; PostgreSQL verifies its pages itself"
            + " (initdb --data-checksums) and checks indexes with the amcheck extension");
  }

  @Override
  public int execute(String raw, Object... args) {
    return this.raw.execute(raw, args);
  }

  @Override
  public List<Object[]> query(String raw, Object... args) {
    return this.raw.query(raw, args);
  }

  @Override
  public <T> Observed<T> observe(int[] readTables, Supplier<T> query) {
    return invalidations.observe(readTables, query);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    invalidations.close();
    PgSession open = current.get();
    if (open != null) {
      current.remove();
      open.release();
    }
    prepared.close();
    if (ownedPool != null) {
      try {
        ownedPool.close();
      } catch (Exception e) {
        throw new KeystoneException("Closing the PostgreSQL pool failed: " + e.getMessage(), e);
      }
    }
  }
}
