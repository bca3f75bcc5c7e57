package keystone.engine.core;


import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import keystone.engine.Migration;
import keystone.engine.sqlite.driver.SqliteDriver;

/**
 * Sealed options of one open database.
 *
 * @param path the SQLite file, or null for a private in-memory database
 * @param readers read-only connections beside the writer (none for an in-memory database)
 * @param acquireTimeout how long a call waits for a free connection before failing
 * @param busyTimeout how long a SQLite write waits for a file another process has locked
 * @param verifyOnOpen refuse a file that holds foreign-key violations when opening
 * @param migrations the builder's migrations; SQL files on the classpath are added at open
 * @param database the {@code @Database} type, whose simple name locates its SQL migrations
 * @param trace told the SQL of every statement a call prepares, or null
 * @param postgresUrl a PostgreSQL JDBC URL to pool connections to, or null
 * @param postgresDataSource a PostgreSQL DataSource to borrow connections from, or null
 * @param deferrableKeys whether PostgreSQL keys are declared DEFERRABLE (false for engines such
 *     as CockroachDB that refuse it)
 * @param createFrom the file to copy to {@code path} on first open, or null
 * @param driver the SQLite driver, or null for the one engine finds installed
 */
public record EngineConfig(
    Path path,
    int readers,
    Duration acquireTimeout,
    Duration busyTimeout,
    boolean verifyOnOpen,
    List<Migration> migrations,
    Class<?> database,
    Consumer<String> trace,
    String postgresUrl,
    DataSource postgresDataSource,
    boolean deferrableKeys,
    Prepackaged createFrom,
    SqliteDriver driver) {
  /** Whether the database lives on PostgreSQL rather than in SQLite. */
  public boolean postgres() {
    return postgresUrl != null || postgresDataSource != null;
  }

  public EngineConfig {
    migrations = List.copyOf(migrations);
    if (path == null && postgresUrl == null && postgresDataSource == null) {
      // A private in-memory database lives in one connection; nothing else can see it.
      readers = 0;
    }
  }
}
