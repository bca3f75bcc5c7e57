package keystone.engine.sqlite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keystone.engine.KeystoneException;
import keystone.engine.sqlite.driver.DriverConnection;
import keystone.engine.sqlite.driver.DriverException;
import keystone.engine.sqlite.driver.DriverStatement;
import keystone.engine.sqlite.driver.OpenOptions;
import keystone.engine.sqlite.driver.SqliteDriver;

/**
 * One SQLite connection with Keystone's settings, and a cache of its prepared statements. All of
 * SQLite's connection-level peculiarities live here (https://www.sqlite.org/foreignkeys.html#fk_enable).
 *
 * <p>The engine issues BEGIN, SAVEPOINT, COMMIT and ROLLBACK itself, whatever the driver: a
 * driver that opened transactions of its own would make {@code PRAGMA foreign_keys} a no-op, since
 * it is one inside a transaction.
 */
public final class SqliteConnection implements AutoCloseable {
  private static final int CACHE_SIZE = 256;
  /** How many of quick_check's problems a damaged file's report lists at most. */
  private static final int MAX_PROBLEMS = 1024;
  private static final int SQLITE_READONLY = 8;
  private static final int SQLITE_CANTOPEN = 14;
  private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);
  /**
   * A system property that makes connections opened afterwards run generated inserts without
   * RETURNING, as on SQLite older than 3.35, so the desktop build tests that path too.
   */
  public static final String EMULATE_RETURNING = "keystone.sqlite.emulateReturning";
  /**
   * A system property that makes connections opened afterwards run generated upserts as an
   * INSERT and, on its conflict, an UPDATE, as on SQLite older than 3.24, so the desktop build
   * tests that path too.
   */
  public static final String EMULATE_UPSERT = "keystone.sqlite.emulateUpsert";
  private static final java.util.regex.Pattern DECIMAL_COLLATION =
      java.util.regex.Pattern.compile("(?i)\\s+COLLATE\\s+(?:\"decimal\"|decimal)\\b");

  private final SqliteDriver driver;
  private final DriverConnection connection;
  private final FailureHandler failures;
  private final Path file;
  private final Duration busyTimeout;
  private boolean decimalCollation;
  /** Whether this SQLite has RETURNING (3.35+); generated inserts are emulated without it. */
  private boolean returning = true;
  /** Whether this SQLite has upsert (3.24+); generated upserts run in steps without it. */
  private boolean upsert = true;
  private boolean raiseExpressions = true;
  private final Map<String, SqliteStatement> cache = new LinkedHashMap<>(64, 0.75f, true);
  /** Per table, whether its batches may run as multi-row INSERTs: see {@link MultiRowInsert}. */
  private final Map<String, Boolean> multiRowTables = new java.util.HashMap<>();

  private SqliteConnection(SqliteDriver driver, DriverConnection connection,
      FailureHandler failures, Path file, Duration busyTimeout) {
    this.driver = driver;
    this.connection = connection;
    this.failures = failures;
    this.file = file;
    this.busyTimeout = busyTimeout;
  }

  /** {@link #open(SqliteDriver, Path, boolean, FailureHandler, Duration)}, 5 s busy timeout. */
  public static SqliteConnection open(
      SqliteDriver driver, Path file, boolean reader, FailureHandler failures) {
    return open(driver, file, reader, failures, BUSY_TIMEOUT);
  }

  /**
   * Opens {@code file} (or a private in-memory database when null) with foreign keys on, WAL and
   * {@code synchronous = NORMAL} for files, and refuses a build that cannot enforce foreign keys.
   * A reader is also {@code query_only}, so nothing can write through it by mistake. A statement
   * that finds the file locked waits up to {@code busyTimeout}
   * (https://www.sqlite.org/pragma.html#pragma_busy_timeout).
   */
  public static SqliteConnection open(
      SqliteDriver driver, Path file, boolean reader, FailureHandler failures,
      Duration busyTimeout) {
    DriverConnection connection = openDriver(driver, file, new OpenOptions(busyTimeout, reader));
    SqliteConnection opened = new SqliteConnection(driver, connection, failures, file, busyTimeout);
    try {
      opened.configure(reader);
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    return opened;
  }

  private static DriverConnection openDriver(SqliteDriver driver, Path file, OpenOptions options) {
    try {
      return driver.open(file, options);
    } catch (DriverException e) {
      throw new KeystoneException("Cannot open SQLite database " + SqliteFaults.name(file)
          + " with " + driver.name() + ": " + e.sqliteMessage(), e);
    }
  }

  private void configure(boolean reader) {
    exec("PRAGMA busy_timeout = " + Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
    exec("PRAGMA foreign_keys = ON");
    requireForeignKeysOn();
    if (file != null) {
      // https://www.sqlite.org/wal.html: readers do not block the writer; NORMAL is durable in WAL
      // except for the last transactions before a power loss, which is what Android does too.
      requireJournalMode("wal");
      exec("PRAGMA synchronous = NORMAL");
    }
    decimalCollation = connection.createCollation(DecimalCollation.NAME, DecimalCollation.ORDER);
    String version = (String) queryValue("SELECT sqlite_version()");
    returning = !Boolean.getBoolean(EMULATE_RETURNING) && atLeast(version, 3, 35);
    upsert = !Boolean.getBoolean(EMULATE_UPSERT) && atLeast(version, 3, 24);
    raiseExpressions = atLeast(version, 3, 47);
    if (reader) {
      exec("PRAGMA query_only = 1");
    } else {
      // A savepoint journals each page it changes first; past 64 KiB SQLite spills that journal
      // to a temporary file (SQLITE_STMTJRNL_SPILL), which cost a 10,000-row update in a
      // transaction 1.4 ms (6.5%) against 0.3 ms in memory. Android builds SQLite with
      // SQLITE_TEMP_STORE=3, so this is where its apps keep temporary files already.
      exec("PRAGMA temp_store = MEMORY");
    }
  }

  /**
   * Sets the journal mode and reads back what SQLite chose: it keeps its own when it cannot
   * switch (an in-memory file, a locked one), and Android's default differs by release.
   */
  private void requireJournalMode(String mode) {
    Object chosen = queryValue("PRAGMA journal_mode = " + mode);
    if (!(chosen instanceof String text) || !text.equalsIgnoreCase(mode)) {
      throw new KeystoneException("SQLite kept journal_mode " + chosen + " for "
          + SqliteFaults.name(file) + " where Keystone needs " + mode + " (one writer beside"
          + " readers that never block it): is the file on a file system without shared memory,"
          + " or open in another process with another mode?");
    }
  }

  /**
   * Whether this connection compares {@code COLLATE decimal} itself. Android's SQLite cannot add
   * collations, so there Keystone stores decimals in an order-preserving text instead.
   */
  public boolean hasDecimalCollation() {
    return decimalCollation;
  }

  /**
   * A build compiled with SQLITE_OMIT_FOREIGN_KEY answers nothing to the pragma, and one with
   * SQLITE_DEFAULT_FOREIGN_KEYS off may ignore the URL setting: read it back either way.
   */
  private void requireForeignKeysOn() {
    Object value = queryValue("PRAGMA foreign_keys");
    if (!(value instanceof Long on) || on != 1L) {
      throw new KeystoneException(
          "This SQLite build does not enforce foreign keys (PRAGMA foreign_keys answered "
              + value + "); Keystone refuses to open a database without enforcement.");
    }
  }

  /** A cached statement for {@code sql}; a fresh one when the cached one still has rows open. */
  public SqliteStatement prepare(String sql) {
    SqliteStatement cached = cache.get(sql);
    if (cached != null && cached.isBroken()) {
      cache.remove(sql);
      cached.close();
      cached = null;
    }
    if (cached != null) {
      if (!cached.hasOpenResult()) {
        return cached;
      }
      return new SqliteStatement(this, prepareRaw(sql), sql, true);
    }
    SqliteStatement statement = new SqliteStatement(this, prepareRaw(sql), sql, false);
    cache.put(sql, statement);
    if (cache.size() > CACHE_SIZE) {
      evictOldest();
    }
    return statement;
  }

  private void evictOldest() {
    Iterator<SqliteStatement> it = cache.values().iterator();
    while (it.hasNext() && cache.size() > CACHE_SIZE) {
      SqliteStatement oldest = it.next();
      if (!oldest.hasOpenResult()) {
        it.remove();
        oldest.close();
      }
    }
  }

  /** Whether RAISE takes an expression as its message (SQLite 3.47+), not only a literal. */
  public boolean raiseTakesExpressions() {
    return raiseExpressions;
  }

  /** Whether {@code version} (such as "3.32.2") is at least major.minor. */
  static boolean atLeast(String version, int major, int minor) {
    String[] parts = version.split("\\.");
    int foundMajor = Integer.parseInt(parts[0]);
    int foundMinor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    return foundMajor > major || (foundMajor == major && foundMinor >= minor);
  }

  /**
   * {@code sql} as this SQLite takes it: without {@code COLLATE decimal} where the collation
   * could not be registered (Android), since there decimals are stored in a form whose plain
   * byte order is the numeric one ({@link SortableDecimal}). Every statement passes here, so the
   * compiled schema, migrations (generated or SQL files written for the desktop), table rebuilds
   * and the scratch schema that files are compared with all agree.
   */
  private String forThisSqlite(String sql) {
    if (decimalCollation || !DECIMAL_COLLATION.matcher(sql).find()) {
      return sql;
    }
    return DECIMAL_COLLATION.matcher(sql).replaceAll("");
  }

  /**
   * The tables of this file declared with {@code COLLATE decimal}: written where the collation
   * exists (sqlite-jdbc), with plain numbers that do not sort under BINARY.
   */
  List<String> tablesWithDecimalCollation() {
    List<String> found = new ArrayList<>();
    for (String table : tables()) {
      Object ddl = queryValue(
          "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", table);
      if (ddl instanceof String text && DECIMAL_COLLATION.matcher(text).find()) {
        found.add(table);
      }
    }
    return found;
  }

  /**
   * Whether a batch into {@code table} may run as multi-row INSERTs: the table has no trigger
   * (a {@code RAISE(FAIL)} keeps what the statement wrote before it) and no foreign key to itself
   * (a statement's immediate keys are checked at its end, not row by row). Asked once per table
   * until this connection runs DDL.
   */
  boolean allowsMultiRowInsert(String table) {
    Boolean allowed = multiRowTables.get(table);
    if (allowed == null) {
      allowed = !hasTriggers(table) && !referencesItself(table);
      multiRowTables.put(table, allowed);
    }
    return allowed;
  }

  private boolean hasTriggers(String table) {
    return hasTriggersInFile(table) || !Long.valueOf(0).equals(queryValue(
        "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger'"
            + " AND tbl_name = ? COLLATE NOCASE", table));
  }

  /** Whether {@code table} has a trigger stored in the file (temporary ones left out). */
  public boolean hasTriggersInFile(String table) {
    return !Long.valueOf(0).equals(queryValue("SELECT count(*) FROM sqlite_master"
        + " WHERE type = 'trigger' AND tbl_name = ? COLLATE NOCASE", table));
  }

  private boolean referencesItself(String table) {
    String sql = "PRAGMA foreign_key_list(\"" + table.replace("\"", "\"\"") + "\")";
    SqliteStatement st = new SqliteStatement(this, prepareRaw(sql), sql, true);
    try {
      while (st.step()) {
        if (table.equalsIgnoreCase(st.columnText(2))) {
          return true;
        }
      }
      return false;
    } finally {
      st.reset();
    }
  }

  /** A statement run since may have added a trigger or a key: ask again. */
  void schemaChanged() {
    multiRowTables.clear();
  }

  /** A driver statement outside the cache, for a {@link MultiRowInsert} to keep. */
  DriverStatement prepareDriverStatement(String sql) {
    return prepareRaw(sql);
  }

  private DriverStatement prepareRaw(String sql) {
    sql = forThisSqlite(sql);
    try {
      UpsertFallback steps = upsert ? null : UpsertFallback.parse(sql);
      if (steps != null) {
        return steps.prepare(connection);
      }
      ReturningRowid emulated = returning ? null : ReturningRowid.parse(sql);
      return emulated == null ? connection.prepare(sql) : emulated.prepare(connection);
    } catch (DriverException e) {
      throw translate(e, null);
    }
  }

  /**
   * The typed exception for a driver error: the file's own failures (busy, damaged) first, then
   * the statement's, which the engine diagnoses.
   */
  KeystoneException translate(DriverException e, SqliteStatement statement) {
    KeystoneException fault = SqliteFaults.translate(e, file, busyTimeout);
    return fault != null ? fault : failures.translate(e, statement);
  }

  /**
   * What {@code PRAGMA quick_check} finds wrong, or an empty list when it answers "ok"
   * (https://www.sqlite.org/pragma.html#pragma_quick_check). When the damage stops the check
   * itself, what it reported so far comes first and SQLite's error last.
   */
  public List<String> quickCheck() {
    CheckRun run = runQuickCheck(0);
    if (run.failure() == null) {
      return run.lines().equals(List.of("ok")) ? List.of() : run.lines();
    }
    List<String> found = new ArrayList<>(
        run.lines().isEmpty() ? reportedBeforeTheFailure() : run.lines());
    found.add(run.failure());
    return found;
  }

  private record CheckRun(List<String> lines, String failure) {}

  /** {@code PRAGMA quick_check(limit)}, or without a limit when it is 0. */
  private CheckRun runQuickCheck(int limit) {
    List<String> lines = new ArrayList<>();
    String sql = limit == 0 ? "PRAGMA quick_check" : "PRAGMA quick_check(" + limit + ")";
    SqliteStatement st = new SqliteStatement(this, prepareRaw(sql), sql, true);
    try {
      while (st.step()) {
        lines.add(st.columnText(0));
      }
      return new CheckRun(lines, null);
    } catch (keystone.engine.DatabaseCorruptException e) {
      // It reports the pages it could not read, then fails on what depends on them.
      return new CheckRun(lines, ((DriverException) e.getCause()).sqliteMessage());
    } finally {
      st.close();
    }
  }

  /**
   * The problems a check stopped by the damage reported before it stopped, on a driver that hands
   * over a query's rows only once it finished (Android's cursor window): the largest limit whose
   * check still finishes, found by doubling and then halving, since {@code quick_check(N)} stops
   * after N problems and a smaller N stops before the failing part.
   */
  private List<String> reportedBeforeTheFailure() {
    List<String> best = List.of();
    int finished = 0;
    int failed = 0;
    for (int limit = 1; limit <= MAX_PROBLEMS; limit *= 2) {
      CheckRun run = runQuickCheck(limit);
      if (run.failure() != null) {
        failed = limit;
        break;
      }
      best = run.lines();
      finished = limit;
    }
    while (failed - finished > 1) {
      int limit = (finished + failed) >>> 1;
      CheckRun run = runQuickCheck(limit);
      if (run.failure() == null) {
        best = run.lines();
        finished = limit;
      } else {
        failed = limit;
      }
    }
    return best;
  }

  /**
   * Refuses {@code file}, if it exists, when {@link #quickCheck()} finds it damaged, through a
   * read-only connection that writes nothing to it, not even a journal mode. Returns false,
   * having checked nothing, when a read-only connection cannot read the file as it is: a hot
   * rollback journal that only a writer may roll back (SQLITE_READONLY_ROLLBACK), or shared
   * memory it cannot open; the writer checks such a file after its own open.
   */
  public static boolean refuseDamageReadOnly(
      SqliteDriver driver, Path file, Duration busyTimeout, FailureHandler failures) {
    if (!java.nio.file.Files.exists(file)) {
      return true;
    }
    try (SqliteConnection checking = new SqliteConnection(driver,
        openDriver(driver, file, new OpenOptions(busyTimeout, true)), failures, file,
        busyTimeout)) {
      checking.refuseDamage();
      return true;
    } catch (keystone.engine.DatabaseCorruptException damaged) {
      throw damaged;
    } catch (KeystoneException e) {
      if (e.getCause() instanceof DriverException d
          && ((d.code() & 0xff) == SQLITE_READONLY || (d.code() & 0xff) == SQLITE_CANTOPEN)) {
        return false;
      }
      throw e;
    }
  }

  /** Refuses a file that {@link #quickCheck()} finds damaged. */
  public void refuseDamage() {
    List<String> problems = quickCheck();
    if (!problems.isEmpty()) {
      throw SqliteFaults.damaged(file, problems);
    }
  }

  /** Runs control SQL (BEGIN, SAVEPOINT, COMMIT, pragmas) through the cache. */
  public void exec(String sql) {
    prepare(sql).executeUpdate();
  }

  /** Runs one-off SQL without caching its statement (DDL the diagnosis writes and drops). */
  public void execUncached(String sql) {
    schemaChanged();
    try {
      connection.exec(forThisSqlite(sql));
    } catch (DriverException e) {
      throw translate(e, null);
    }
  }

  /** Runs {@code sql} and returns the first column of its first row, or null. */
  public Object queryValue(String sql, Object... args) {
    SqliteStatement st = prepare(sql);
    try {
      st.bindAll(args);
      return st.step() ? st.columnValue(0) : null;
    } finally {
      st.reset();
    }
  }

  /** The tables of the main database, SQLite's own left out. */
  public List<String> tables() {
    return queryStrings(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  }

  /** Runs {@code sql} and returns the first column of every row, as text. */
  public List<String> queryStrings(String sql, Object... args) {
    List<String> values = new ArrayList<>();
    SqliteStatement st = prepare(sql);
    try {
      st.bindAll(args);
      while (st.step()) {
        values.add(st.columnText(0));
      }
    } finally {
      st.reset();
    }
    return values;
  }

  /** The driver this connection came from, for a scratch database beside it. */
  public SqliteDriver driver() {
    return driver;
  }

  /** Rows changed by the last INSERT, UPDATE or DELETE. */
  long changes() {
    return connection.changes();
  }

  /** The rowid of the last INSERT. */
  long lastInsertRowid() {
    return connection.lastInsertRowid();
  }

  @Override
  public void close() {
    for (SqliteStatement st : cache.values()) {
      st.close();
    }
    cache.clear();
    try {
      connection.close();
    } catch (DriverException e) {
      throw new KeystoneException("Closing the SQLite connection failed: " + e.sqliteMessage(), e);
    }
  }
}
