package keystone.engine.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keystone.engine.KeystoneException;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite connection with Keystone's settings, and a cache of its prepared statements. All of
 * SQLite's connection-level peculiarities live here (https://www.sqlite.org/foreignkeys.html#fk_enable).
 *
 * <p>The JDBC connection stays in auto-commit mode: the engine issues BEGIN, SAVEPOINT, COMMIT and
 * ROLLBACK itself, because sqlite-jdbc would otherwise open a transaction right after every commit
 * and {@code PRAGMA foreign_keys} is a no-op inside a transaction.
 */
public final class SqliteConnection implements AutoCloseable {
  private static final int CACHE_SIZE = 256;
  private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);

  private final Connection connection;
  private final FailureHandler failures;
  private final Path file;
  private final Duration busyTimeout;
  private final Map<String, JdbcStatement> cache = new LinkedHashMap<>(64, 0.75f, true);

  private SqliteConnection(
      Connection connection, FailureHandler failures, Path file, Duration busyTimeout) {
    this.connection = connection;
    this.failures = failures;
    this.file = file;
    this.busyTimeout = busyTimeout;
  }

  /** {@link #open(Path, boolean, FailureHandler, Duration)} with a 5 s busy timeout. */
  public static SqliteConnection open(Path file, boolean reader, FailureHandler failures) {
    return open(file, reader, failures, BUSY_TIMEOUT);
  }

  /**
   * Opens {@code file} (or a private in-memory database when null) with foreign keys on, WAL and
   * {@code synchronous = NORMAL} for files, and refuses a build that cannot enforce foreign keys.
   * A reader is also {@code query_only}, so nothing can write through it by mistake. A statement
   * that finds the file locked waits up to {@code busyTimeout}
   * (https://www.sqlite.org/pragma.html#pragma_busy_timeout).
   */
  public static SqliteConnection open(
      Path file, boolean reader, FailureHandler failures, Duration busyTimeout) {
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
    if (file != null) {
      // https://www.sqlite.org/wal.html: readers do not block the writer; NORMAL is durable in WAL
      // except for the last transactions before a power loss, which is what Android does too.
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    }
    String url = file == null ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + file.toAbsolutePath();
    Connection connection;
    try {
      connection = config.createConnection(url);
      DecimalCollation.register(connection);
    } catch (SQLException e) {
      throw new KeystoneException("Cannot open SQLite database " + url + ": " + e.getMessage(), e);
    }
    SqliteConnection opened = new SqliteConnection(connection, failures, file, busyTimeout);
    try {
      opened.requireForeignKeysOn();
      if (reader) {
        opened.exec("PRAGMA query_only = 1");
      }
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    return opened;
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
  public JdbcStatement prepare(String sql) {
    JdbcStatement cached = cache.get(sql);
    if (cached != null && cached.isBroken()) {
      cache.remove(sql);
      cached.close();
      cached = null;
    }
    if (cached != null) {
      if (!cached.hasOpenResult()) {
        return cached;
      }
      return new JdbcStatement(this, prepareRaw(sql), sql, true);
    }
    JdbcStatement statement = new JdbcStatement(this, prepareRaw(sql), sql, false);
    cache.put(sql, statement);
    if (cache.size() > CACHE_SIZE) {
      evictOldest();
    }
    return statement;
  }

  private void evictOldest() {
    Iterator<JdbcStatement> it = cache.values().iterator();
    while (it.hasNext() && cache.size() > CACHE_SIZE) {
      JdbcStatement oldest = it.next();
      if (!oldest.hasOpenResult()) {
        it.remove();
        oldest.close();
      }
    }
  }

  private PreparedStatement prepareRaw(String sql) {
    try {
      return connection.prepareStatement(sql);
    } catch (SQLException e) {
      throw translate(e, null);
    }
  }

  /**
   * The typed exception for a driver error: the file's own failures (busy, damaged) first, then
   * the statement's, which the engine diagnoses.
   */
  KeystoneException translate(SQLException e, JdbcStatement statement) {
    KeystoneException fault = SqliteFaults.translate(e, file, busyTimeout);
    return fault != null ? fault : failures.translate(e, statement);
  }

  /**
   * What {@code PRAGMA quick_check} finds wrong, or an empty list when it answers "ok"
   * (https://www.sqlite.org/pragma.html#pragma_quick_check). When the damage stops the check
   * itself, what it reported so far comes first and SQLite's error last.
   */
  public List<String> quickCheck() {
    List<String> found = new ArrayList<>();
    JdbcStatement st = prepare("PRAGMA quick_check");
    try {
      while (st.step()) {
        found.add(st.columnText(0));
      }
    } catch (keystone.engine.DatabaseCorruptException e) {
      // It reports the pages it could not read, then fails on what depends on them.
      found.add(ConstraintErrors.sqliteMessage((SQLException) e.getCause()));
    } finally {
      st.reset();
    }
    return found.equals(List.of("ok")) ? List.of() : found;
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
    try (java.sql.Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw translate(e, null);
    }
  }

  /** Runs {@code sql} and returns the first column of its first row, or null. */
  public Object queryValue(String sql, Object... args) {
    JdbcStatement st = prepare(sql);
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
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  }

  /** Runs {@code sql} and returns the first column of every row, as text. */
  public List<String> queryStrings(String sql, Object... args) {
    List<String> values = new ArrayList<>();
    JdbcStatement st = prepare(sql);
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

  @Override
  public void close() {
    for (JdbcStatement st : cache.values()) {
      st.close();
    }
    cache.clear();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new KeystoneException("Closing the SQLite connection failed: " + e.getMessage(), e);
    }
  }

  /** Maps a result set's current value to Long, Double, String, byte[] or null. */
  static Object value(ResultSet rs, int column) throws SQLException {
    Object value = rs.getObject(column);
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    return value;
  }
}
