package keystone.engine.sqlite;

import keystone.engine.core.EngineConfig;
import keystone.engine.core.Invalidations;
import keystone.engine.core.MigrationPlan;
import keystone.engine.core.Prepackaged;
import keystone.engine.core.SqlMigrations;
import keystone.engine.sqlite.driver.DriverException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import keystone.engine.DeletePlan;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneException;
import keystone.engine.Migration;
import keystone.engine.sqlite.diagnosis.DeletePreview;
import keystone.engine.sqlite.diagnosis.PendingViolation;
import keystone.engine.guard.SqlGuard;
import keystone.engine.guard.SqlGuard.GuardedStatement;
import keystone.engine.raw.RawSql;
import keystone.engine.sqlite.diagnosis.ViolationFinder;
import keystone.engine.sqlite.ConstraintErrors;
import keystone.engine.sqlite.FailureHandler;
import keystone.engine.sqlite.diagnosis.UnnamedCheck;
import keystone.engine.CheckViolationException;
import keystone.engine.sqlite.SqliteStatement;
import keystone.engine.sqlite.SqliteConnection;
import keystone.engine.spi.Dialect;
import keystone.engine.spi.Engine;
import keystone.engine.spi.Observed;
import keystone.engine.spi.Schema;
import keystone.engine.sqlite.driver.SqliteDriver;

/** The embedded engine: one SQLite connection with enforcement on, shared by the thread that holds it. */
public final class SqliteEngine implements Engine, FailureHandler {
  private final Schema schema;
  private final SqliteConnection connection;
  private final Transactions transactions;
  private final ViolationFinder finder;
  private final RawSql raw;
  private final RestrictGuard restrictGuard;
  private final Invalidations invalidations;
  /** Per table of the schema: whether a CASCADE, SET NULL or SET DEFAULT key points at it. */
  private final boolean[] actionTargets;
  private Readers readers;

  private SqliteEngine(Schema schema, EngineConfig config, SqliteDriver driver) {
    this.schema = schema;
    this.connection =
        SqliteConnection.open(driver, config.path(), false, this, config.busyTimeout());
    this.restrictGuard = new RestrictGuard(connection);
    this.invalidations = new Invalidations(schema.tables().size());
    this.actionTargets = actionTargets(schema);
    this.transactions =
        new Transactions(
            connection,
            config.acquireTimeout(),
            config.trace(),
            new Transactions.Hooks() {
              @Override
              public void commit(boolean checkFirst) {
                SqliteEngine.this.commit(checkFirst);
              }

              @Override
              public void savepointRolledBack() {
                restrictGuard.reinstall();
              }

              @Override
              public void transactionEnded(boolean committed) {
                restrictGuard.remove();
                invalidations.transactionEnded(committed);
              }
            });
    this.finder = new ViolationFinder(connection, schema);
    this.raw =
        new RawSql(this, SqlGuard::check, invalidations::markAll, this::undeferForeignKeys,
            () -> { });
  }

  public static SqliteEngine open(Schema schema, EngineConfig config) {
    boolean copied = config.createFrom() != null
        && config.createFrom().copyIfAbsent(config.path());
    SqliteDriver driver = config.driver() != null ? config.driver() : SqliteDrivers.installed();
    SqliteEngine engine;
    boolean damageChecked;
    try {
      // Before anything reads the file's tables (a migration must not run on damaged pages),
      // and before the writer's open, which on Android sets a journal mode and so writes the
      // header of a file that is to be refused as it was.
      damageChecked = !config.verifyOnOpen() || config.path() == null
          || SqliteConnection.refuseDamageReadOnly(driver, config.path(), config.busyTimeout(),
              (error, st) -> ConstraintErrors.translate(error, st == null ? null : st.sql()));
      engine = new SqliteEngine(schema, config, driver);
    } catch (RuntimeException e) {
      if (copied) {
        Prepackaged.discard(config.path());
      }
      throw e;
    }
    try {
      if (!damageChecked) {
        // A hot journal only a writer can roll back: checked now, still before any table is read.
        engine.connection.refuseDamage();
      }
      engine.prepareFile(config);
      // Readers open after the schema exists, so each sees a finished file.
      engine.readers =
          Readers.open(
              driver,
              config.path(),
              config.readers(),
              config.acquireTimeout(),
              config.trace(),
              (error, st) -> ConstraintErrors.translate(error, st == null ? null : st.sql()));
      // A shipped file is checked for orphans on its first open whatever verifyOnOpen says:
      // it was made elsewhere, and this is the moment to refuse it, not in production.
      if (config.verifyOnOpen() || copied) {
        engine.refuseViolations();
      }
    } catch (RuntimeException e) {
      engine.close();
      if (copied) {
        Prepackaged.discard(config.path());
        throw refused(config, e);
      }
      throw e;
    }
    return engine;
  }

  /**
   * A copy that failed its checks says so; typed failures (the orphans of a
   * {@code ForeignKeyViolationException}, a {@code MigrationException}) keep their type.
   */
  private static RuntimeException refused(EngineConfig config, RuntimeException e) {
    if (e.getClass() != KeystoneException.class) {
      return e;
    }
    return new KeystoneException("The prepackaged database " + config.createFrom().source()
        + " was refused and not kept at " + config.path() + ": " + e.getMessage()
        + (e.getMessage().contains("user_version = 0") ? "; set PRAGMA user_version to the"
            + " schema version the file was made for" : ""), e);
  }

  /** Creates a new file, or migrates an older one, then checks it has the compiled structure. */
  private void prepareFile(EngineConfig config) {
    String where = config.path() == null ? "the in-memory database" : config.path().toString();
    SchemaInstaller.refuseDecimalCollation(connection, where);
    long version = SchemaInstaller.createOrReadVersion(connection, schema, where);
    SchemaInstaller.refuseNewer(where, version, schema.version());
    // The path is found first: a Room file is adopted only when it can also be brought up.
    List<Migration> path = version < schema.version()
        ? MigrationPlan.find(
            (int) version, schema.version(), config.migrations(),
            SqlMigrations.load(config.database()), where)
        : List.of();
    RoomAdoption.adoptIfRoom(connection, schema, version, where);
    if (!path.isEmpty()) {
      new MigrationRunner(this, connection, schema).run(path);
    }
    SchemaInstaller.verify(connection, schema, where);
  }

  /** A file made elsewhere may already hold orphans; with verifyOnOpen it is refused with them. */
  private void refuseViolations() {
    List<ForeignKeyViolation> found = checkForeignKeys();
    if (!found.isEmpty()) {
      throw new ForeignKeyViolationException(found, null);
    }
  }

  @Override
  public ConnectionScope begin(boolean write) {
    if (!write && readers != null && !readers.isEmpty() && !transactions.heldByCurrentThread()) {
      return readers.acquire();
    }
    return transactions.begin(write);
  }

  @Override
  public ConnectionScope beginSnapshot() {
    if (readers != null && !readers.isEmpty() && !transactions.heldByCurrentThread()) {
      ReaderScope scope = readers.acquire();
      try {
        scope.startSnapshot();
      } catch (RuntimeException e) {
        scope.end();
        throw e;
      }
      return scope;
    }
    // On the writer: a transaction, or a savepoint inside the caller's, that changes nothing.
    return transactions.begin(true);
  }

  @Override
  public keystone.engine.spi.CallScope beginRaw(keystone.engine.SqlQuery query) {
    return raw.begin(query);
  }

  @Override
  public Dialect dialect() {
    return Dialect.SQLITE;
  }

  @Override
  public ConnectionScope begin(int[] changedTables) {
    Scope scope = transactions.begin(true);
    invalidations.mark(changedTables);
    return scope;
  }

  @Override
  public ConnectionScope beginStatement(int[] changedTables, boolean runsActions) {
    if (runsActions && (changedTables.length != 1 || actionTargets[changedTables[0]])) {
      return begin(changedTables);
    }
    Scope scope = transactions.beginStatement();
    invalidations.mark(changedTables);
    return scope;
  }

  private static boolean[] actionTargets(Schema schema) {
    boolean[] targets = new boolean[schema.tables().size()];
    for (keystone.engine.spi.ForeignKeyInfo key : schema.foreignKeys()) {
      boolean acts = key.onDelete().ordinal() >= keystone.ForeignKey.Action.SET_NULL.ordinal()
          || key.onUpdate().ordinal() >= keystone.ForeignKey.Action.SET_NULL.ordinal();
      for (int i = 0; i < targets.length; i++) {
        if (acts && schema.tables().get(i).name().equalsIgnoreCase(key.parentTable())) {
          targets[i] = true;
        }
      }
    }
    return targets;
  }

  @Override
  public <T> Observed<T> observe(int[] readTables, Supplier<T> query) {
    return invalidations.observe(readTables, query);
  }

  Transactions transactions() {
    return transactions;
  }

  @Override
  public boolean inTransaction() {
    return transactions.inTransactionOnThisThread();
  }

  @Override
  public void deferForeignKeys() {
    if (!transactions.inTransactionOnThisThread()) {
      throw new IllegalStateException(
          "deferForeignKeys() works inside a transaction only: call it within"
              + " runInTransaction(...), and the keys are checked when that transaction commits");
    }
    restrictGuard.install(finder.catalog().all());
    connection.exec("PRAGMA defer_foreign_keys = ON");
    transactions.requireCheckBeforeCommit();
  }

  /**
   * Honours {@code defer_foreign_keys = OFF} only when nothing is outstanding: SQLite forgets the
   * deferred violations when it is switched off, and the commit would then store orphans.
   */
  void undeferForeignKeys() {
    if (!transactions.inTransactionOnThisThread()) {
      throw new IllegalStateException("PRAGMA defer_foreign_keys works inside a transaction only");
    }
    List<PendingViolation> pending = finder.check();
    if (!pending.isEmpty()) {
      throw classified(pending, null);
    }
    connection.exec("PRAGMA defer_foreign_keys = OFF");
  }

  @Override
  public DeletePlan previewDelete(String deleteSql, Object... args) {
    List<SqlGuard.GuardedStatement> statements = SqlGuard.check(deleteSql);
    if (statements.size() != 1
        || !statements.get(0).sql().stripLeading().regionMatches(true, 0, "DELETE", 0, 6)) {
      throw new IllegalArgumentException("previewDelete takes one DELETE statement: " + deleteSql);
    }
    ConnectionScope scope = begin(true);
    try {
      DeletePlan plan = new DeletePreview(scope.connection(), finder).preview(deleteSql, args);
      scope.succeed();
      return plan;
    } finally {
      scope.end();
    }
  }

  @Override
  public List<ForeignKeyViolation> checkForeignKeys() {
    ConnectionScope scope = begin(false);
    try {
      List<ForeignKeyViolation> violations =
          ViolationFinder.unclassified(new ViolationFinder(scope.connection(), schema).check());
      scope.succeed();
      return violations;
    } finally {
      scope.end();
    }
  }

  @Override
  public List<String> checkIntegrity() {
    ConnectionScope scope = begin(false);
    try {
      List<String> problems = scope.connection().quickCheck();
      scope.succeed();
      return problems;
    } finally {
      scope.end();
    }
  }

  @Override
  public int execute(String sql, Object... args) {
    return raw.execute(sql, args);
  }

  @Override
  public List<Object[]> query(String sql, Object... args) {
    return raw.query(sql, args);
  }

  @Override
  public void close() {
    invalidations.close();
    transactions.close();
    if (readers != null) {
      readers.close();
    }
  }

  /**
   * Commits the outermost transaction. A transaction that deferred keys, or whose failed
   * statements were diagnosed (which toggles {@code defer_foreign_keys}), is checked with
   * {@code foreign_key_check} first, since SQLite may have forgotten violations; a COMMIT refused
   * for deferred keys leaves the transaction open, so it is rolled back here.
   */
  private void commit(boolean checkFirst) {
    if (checkFirst) {
      List<PendingViolation> pending;
      try {
        pending = finder.check();
      } catch (RuntimeException checkFailed) {
        Scope.execQuietly(connection, "ROLLBACK");
        throw new KeystoneException(
            "The transaction was rolled back: its deferred foreign keys could not be checked"
                + " before COMMIT (" + checkFailed.getMessage() + ")", checkFailed);
      }
      if (!pending.isEmpty()) {
        throw rollBackWith(pending, null, null);
      }
    }
    try {
      connection.exec("COMMIT");
    } catch (ForeignKeyViolationException refused) {
      List<PendingViolation> pending = List.of();
      RuntimeException checkFailed = null;
      try {
        pending = finder.check();
      } catch (RuntimeException e) {
        checkFailed = e;
      }
      throw rollBackWith(pending, refused, checkFailed);
    }
  }

  private ForeignKeyViolationException rollBackWith(
      List<PendingViolation> pending, Throwable cause, RuntimeException checkFailed) {
    Scope.execQuietly(connection, "ROLLBACK");
    // Classified against the state before the transaction: parents it deleted exist again.
    ForeignKeyViolationException refused = classified(pending, cause);
    if (checkFailed != null) {
      refused.addSuppressed(checkFailed);
    }
    return refused;
  }

  /**
   * The violations, each told MISSING_PARENT or STILL_REFERENCED; if telling them apart fails,
   * they are still all listed, with the failure attached, never thrown in place of the refusal.
   */
  private ForeignKeyViolationException classified(List<PendingViolation> pending, Throwable cause) {
    try {
      return new ForeignKeyViolationException(finder.classify(pending), cause);
    } catch (RuntimeException classifyFailed) {
      ForeignKeyViolationException refused =
          new ForeignKeyViolationException(ViolationFinder.unclassified(pending), cause);
      refused.addSuppressed(classifyFailed);
      return refused;
    }
  }

  @Override
  public KeystoneException translate(DriverException error, SqliteStatement statement) {
    if (!ConstraintErrors.isForeignKey(error)) {
      KeystoneException translated =
          ConstraintErrors.translate(error, statement == null ? null : statement.sql());
      return translated instanceof CheckViolationException check && statement != null
          ? namedCheck(check, statement) : translated;
    }
    if (statement == null || isControl(statement.sql())) {
      return new ForeignKeyViolationException(List.of(), error);
    }
    try {
      List<ForeignKeyViolation> found = finder.diagnose(statement, error);
      transactions.requireCheckBeforeCommit();
      return new ForeignKeyViolationException(found, error);
    } catch (RuntimeException diagnosisFailed) {
      ForeignKeyViolationException undiagnosed = new ForeignKeyViolationException(List.of(), error);
      undiagnosed.addSuppressed(diagnosisFailed);
      return undiagnosed;
    }
  }

  /**
   * An unnamed CHECK that SQLite reported by its table alone (before 3.3x, Android's), named by
   * its expression as later SQLite does.
   */
  private CheckViolationException namedCheck(
      CheckViolationException check, SqliteStatement statement) {
    if (check.table() == null || !check.table().equalsIgnoreCase(check.constraint())) {
      return check;
    }
    try {
      String expression = UnnamedCheck.find(connection, statement, check.table());
      if (expression == null) {
        return check;
      }
      return new CheckViolationException("CHECK constraint failed: " + expression
          + " (table \"" + check.table() + "\")", check.table(), expression, check.getCause());
    } catch (RuntimeException diagnosisFailed) {
      check.addSuppressed(diagnosisFailed);
      return check;
    }
  }

  private static boolean isControl(String sql) {
    String head = sql.stripLeading().toUpperCase(Locale.ROOT);
    return head.startsWith("COMMIT")
        || head.startsWith("RELEASE")
        || head.startsWith("ROLLBACK")
        || head.startsWith("SAVEPOINT")
        || head.startsWith("BEGIN")
        || head.startsWith("PRAGMA");
  }

  @Override
  public Schema schema() {
    return schema;
  }
}
