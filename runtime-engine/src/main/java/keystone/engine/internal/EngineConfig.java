package keystone.engine.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Sealed options of one open database.
 *
 * @param path the SQLite file, or null for a private in-memory database
 * @param readers read-only connections beside the writer (none for an in-memory database)
 * @param acquireTimeout how long a call waits for a free connection before failing
 * @param verifyOnOpen refuse a file that holds foreign-key violations when opening
 */
public record EngineConfig(Path path, int readers, Duration acquireTimeout, boolean verifyOnOpen) {
  public EngineConfig {
    if (path == null) {
      // A private in-memory database lives in one connection; nothing else can see it.
      readers = 0;
    }
  }
}
