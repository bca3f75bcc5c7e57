package keystone.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The SQLite file stayed locked by another connection or process (a second application, the
 * sqlite3 shell, a backup tool) for the whole busy timeout. Nothing was written. Transient:
 * {@link Retry} runs the transaction again, and a longer {@code busyTimeout} waits longer.
 */
public class DatabaseBusyException extends KeystoneException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final Duration waited;

  public DatabaseBusyException(String message, Path file, Duration waited, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.waited = waited;
  }

  /** The locked file, or null for an in-memory database. */
  public Path file() {
    return file;
  }

  /** The busy timeout the call waited before giving up. */
  public Duration waited() {
    return waited;
  }
}
