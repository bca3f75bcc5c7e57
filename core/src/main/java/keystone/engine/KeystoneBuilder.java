package keystone.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import java.util.Objects;

/**
 * Options for opening a database. Validated and sealed by {@link #build()}: a builder opens one
 * database and cannot be changed afterwards.
 */
public final class KeystoneBuilder<T extends KeystoneDatabase> {
  private final Class<T> database;
  private Path path;
  private boolean inMemory;
  private int readers = 4;
  private Duration acquireTimeout = Duration.ofSeconds(30);
  private Duration busyTimeout = Duration.ofSeconds(5);
  private boolean verifyOnOpen;
  private final List<Migration> migrations = new ArrayList<>();
  private Consumer<String> trace;
  private String postgresUrl;
  private DataSource postgresDataSource;
  private boolean deferrableKeys = true;
  private keystone.engine.core.Prepackaged createFrom;
  private keystone.engine.sqlite.driver.SqliteDriver driver;
  private boolean sealed;

  KeystoneBuilder(Class<T> database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** Store the database in the SQLite file at {@code file} (created when missing). */
  public KeystoneBuilder<T> path(Path file) {
    checkOpen();
    this.path = Objects.requireNonNull(file, "file");
    this.inMemory = false;
    this.postgresUrl = null;
    this.postgresDataSource = null;
    return this;
  }

  /**
   * Keep the database on PostgreSQL at {@code jdbcUrl}, through a HikariCP pool of
   * {@code readers + 1} connections (add {@code dev.keystone:keystone-postgres} to the application;
   * without it this throws a {@link KeystoneException} that says so). Same DAOs, same exceptions; the keys follow PostgreSQL's semantics, where RESTRICT
   * is never deferred and a deferred key needs DEFERRABLE, which Keystone declares on every key.
   */
  public KeystoneBuilder<T> postgres(String jdbcUrl) {
    checkOpen();
    keystone.engine.core.PostgresProvider.installed().require(true);
    this.postgresUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    this.postgresDataSource = null;
    this.path = null;
    this.inMemory = false;
    return this;
  }

  /**
   * Keep the database on PostgreSQL, borrowing connections from {@code dataSource} (the PostgreSQL
   * JDBC driver must be on the class path: {@code dev.keystone:keystone-postgres} brings it).
   */
  public KeystoneBuilder<T> postgres(DataSource dataSource) {
    checkOpen();
    keystone.engine.core.PostgresProvider.installed().require(false);
    this.postgresDataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.postgresUrl = null;
    this.path = null;
    this.inMemory = false;
    return this;
  }

  /**
   * Whether Keystone declares its PostgreSQL foreign keys {@code DEFERRABLE} (default true), which
   * {@link KeystoneDatabase#deferForeignKeys()} needs. Pass false for an engine that speaks
   * PostgreSQL's protocol but refuses DEFERRABLE constraints, such as CockroachDB
   * (cockroachdb/cockroach#31632): the schema and its migrations are then created without the
   * clause, every key is checked at the end of its statement, a key declared
   * {@code deferred = true} included, and {@code deferForeignKeys()} (or its raw SQL spellings)
   * throws {@link UnsupportedOperationException} saying why. A write that breaks two keys then
   * names the first only, and a delete a NO ACTION key blocks previews like one RESTRICT blocks.
   * PostgreSQL only: {@link #build()} refuses it for SQLite, which always defers.
   */
  public KeystoneBuilder<T> deferrableKeys(boolean deferrable) {
    checkOpen();
    this.deferrableKeys = deferrable;
    return this;
  }

  /** Keep the database in memory until it is closed. */
  public KeystoneBuilder<T> inMemory() {
    checkOpen();
    this.inMemory = true;
    this.path = null;
    this.postgresUrl = null;
    this.postgresDataSource = null;
    return this;
  }

  /**
   * How many read-only connections serve reads outside transactions beside the one writer
   * (default 4; WAL lets them read while it writes). In-memory databases have none.
   */
  public KeystoneBuilder<T> readers(int count) {
    checkOpen();
    if (count < 0) {
      throw new IllegalArgumentException("readers must be >= 0, got " + count);
    }
    this.readers = count;
    return this;
  }

  /** How long a call waits for a free connection before it fails (default 30 s). */
  public KeystoneBuilder<T> acquireTimeout(Duration timeout) {
    checkOpen();
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("acquireTimeout must be positive, got " + timeout);
    }
    this.acquireTimeout = timeout;
    return this;
  }

  /**
   * How long a write waits for a SQLite file that another process (or another database object on
   * the same file) holds locked before it fails with {@link DatabaseBusyException} (default 5 s,
   * SQLite's {@code busy_timeout}). Readers are never blocked by a writer in WAL mode.
   */
  public KeystoneBuilder<T> busyTimeout(Duration timeout) {
    checkOpen();
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("busyTimeout must not be negative, got " + timeout);
    }
    this.busyTimeout = timeout;
    return this;
  }

  /**
   * Migrations that bring an older file up to the compiled version, added to the SQL files found
   * at {@code keystone/migrations/<database simple name>/NNNN_name.sql} on the classpath (NNNN is
   * the version a file migrates to). A migration given here wins over an SQL file for the same
   * step.
   */
  public KeystoneBuilder<T> migrations(Migration... steps) {
    checkOpen();
    migrations.addAll(List.of(steps));
    return this;
  }

  /**
   * Tells {@code listener} the SQL of every statement a DAO call, transaction or raw call
   * prepares, on the calling thread; for logging, and for tests that count the queries a call
   * makes. Keep it fast: it runs inside the call.
   */
  public KeystoneBuilder<T> traceSql(Consumer<String> listener) {
    checkOpen();
    this.trace = listener;
    return this;
  }

  /**
   * Refuse, at open, a damaged file ({@code PRAGMA quick_check}: {@link DatabaseCorruptException}
   * with what it found) and a file that already holds foreign-key violations (default false: such
   * a file opens, {@link KeystoneDatabase#checkIntegrity()} and
   * {@link KeystoneDatabase#checkForeignKeys()} list the problems). A file whose schema does not
   * match the compiled one is refused either way.
   */
  public KeystoneBuilder<T> verifyOnOpen(boolean verify) {
    checkOpen();
    this.verifyOnOpen = verify;
    return this;
  }

  /**
   * Start from a database file shipped with the app: the first time the database is opened and
   * nothing is at {@link #path} yet, {@code file} is copied there (never opened in place). The
   * copy is then checked like any file Keystone opens, and more: its schema version
   * ({@code PRAGMA user_version}) is taken as set (at 0 its tables must have exactly the compiled
   * structure); an older version runs the migrations; its tables and views
   * must match the compiled schema; and {@code PRAGMA foreign_key_check} must find nothing,
   * whatever {@link #verifyOnOpen} says. A copy that fails is deleted and the open throws (a
   * {@link ForeignKeyViolationException} lists the orphans), so the app never runs on it.
   * Ship a checkpointed file (no {@code -wal} beside it). Needs {@link #path}.
   */
  public KeystoneBuilder<T> createFrom(Path file) {
    checkOpen();
    this.createFrom = keystone.engine.core.Prepackaged.file(Objects.requireNonNull(file));
    return this;
  }

  /**
   * Runs SQLite through {@code driver} instead of the one installed: sqlite-jdbc, which
   * {@code keystone-engine} brings. {@code keystone-android} passes Android's own this way.
   */
  public KeystoneBuilder<T> sqliteDriver(keystone.engine.sqlite.driver.SqliteDriver driver) {
    checkOpen();
    this.driver = Objects.requireNonNull(driver, "driver");
    return this;
  }

  /**
   * Like {@link #createFrom(Path)}, from a file on the class path, as shipped inside the app's
   * jar: {@code "seed/blog.db"} is looked up through the database class's class loader.
   */
  public KeystoneBuilder<T> createFrom(String classpathResource) {
    checkOpen();
    this.createFrom = keystone.engine.core.Prepackaged.resource(
        Objects.requireNonNull(classpathResource), database.getClassLoader());
    return this;
  }

  /**
   * Like {@link #createFrom(Path)}, from a stream that {@code opener} opens when a copy is needed
   * (and that Keystone closes), such as an Android asset; {@code source} names it in messages.
   */
  public KeystoneBuilder<T> createFrom(
      String source, java.util.concurrent.Callable<java.io.InputStream> opener) {
    checkOpen();
    this.createFrom = keystone.engine.core.Prepackaged.stream(
        Objects.requireNonNull(source, "source"), Objects.requireNonNull(opener, "opener"));
    return this;
  }

  /** Validates the options, seals them, and opens the database. */
  public T build() {
    checkOpen();
    if (path == null && !inMemory && postgresUrl == null && postgresDataSource == null) {
      throw new IllegalStateException(
          "Choose where the database lives: path(Path), inMemory() or postgres(...)");
    }
    if (!deferrableKeys && postgresUrl == null && postgresDataSource == null) {
      throw new IllegalStateException(
          "deferrableKeys(false) is for PostgreSQL-protocol engines that refuse DEFERRABLE keys;"
              + " SQLite always defers them: drop the option or choose postgres(...)");
    }
    if (createFrom != null && path == null) {
      throw new IllegalStateException(
          "createFrom(...) copies a SQLite file to the database's path: give path(Path)");
    }
    sealed = true;
    return keystone.engine.core.DatabaseFactory.open(
        database, new keystone.engine.core.EngineConfig(
            path, readers, acquireTimeout, busyTimeout, verifyOnOpen, migrations, database, trace,
            postgresUrl, postgresDataSource, deferrableKeys, createFrom, driver));
  }

  private void checkOpen() {
    if (sealed) {
      throw new IllegalStateException("This builder has already opened its database");
    }
  }
}
