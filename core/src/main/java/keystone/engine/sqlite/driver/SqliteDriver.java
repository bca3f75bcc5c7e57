package keystone.engine.sqlite.driver;

import java.nio.file.Path;

/**
 * Opens SQLite connections. An implementation is found with {@link java.util.ServiceLoader} when
 * the builder names none, so that adding {@code keystone-engine} to a desktop application is all
 * it takes.
 */
public interface SqliteDriver {
  /**
   * Opens {@code file}, creating it when missing, or a private in-memory database when it is
   * null. The connection need not have any setting yet: the dialect issues its own pragmas.
   *
   * @throws DriverException when the file cannot be opened
   */
  DriverConnection open(Path file, OpenOptions options);

  /** A short name for messages, such as {@code sqlite-jdbc 3.50.3.0}. */
  String name();
}
