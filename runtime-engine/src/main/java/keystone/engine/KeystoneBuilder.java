package keystone.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Options for opening a database. Validated and sealed by {@link #build()}: a builder opens one
 * database and cannot be changed afterwards.
 */
public final class KeystoneBuilder<T extends KeystoneDatabase> {
  private final Class<T> database;
  private Path path;
  private boolean inMemory;
  private boolean verifyOnOpen = true;
  private boolean sealed;

  KeystoneBuilder(Class<T> database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** Store the database in the SQLite file at {@code file} (created when missing). */
  public KeystoneBuilder<T> path(Path file) {
    checkOpen();
    this.path = Objects.requireNonNull(file, "file");
    this.inMemory = false;
    return this;
  }

  /** Keep the database in memory until it is closed. */
  public KeystoneBuilder<T> inMemory() {
    checkOpen();
    this.inMemory = true;
    this.path = null;
    return this;
  }

  /** Compare the file's schema with the compiled one at open (default true). */
  public KeystoneBuilder<T> verifyOnOpen(boolean verify) {
    checkOpen();
    this.verifyOnOpen = verify;
    return this;
  }

  /** Validates the options, seals them, and opens the database. */
  public T build() {
    checkOpen();
    if (path == null && !inMemory) {
      throw new IllegalStateException("Choose where the database lives: path(Path) or inMemory()");
    }
    sealed = true;
    return keystone.engine.internal.DatabaseFactory.open(
        database, new keystone.engine.internal.EngineConfig(path, verifyOnOpen));
  }

  private void checkOpen() {
    if (sealed) {
      throw new IllegalStateException("This builder has already opened its database");
    }
  }
}
