package keystone.android;

import android.content.Context;
import java.io.File;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import keystone.engine.Keystone;
import keystone.engine.KeystoneBuilder;
import keystone.engine.KeystoneDatabase;
import keystone.engine.Migration;

/**
 * Opens a Keystone database on Android's own SQLite: the same generated {@code _Impl}, the same
 * exceptions, messages and {@code violations()} as on sqlite-jdbc, with no native library of its
 * own. Every option is {@link Keystone#builder}'s; only where the file lives is Android's.
 *
 * <pre>{@code
 * ShopDatabase db = KeystoneAndroid.builder(context, ShopDatabase.class)
 *     .name("shop.db")
 *     .build();
 * }</pre>
 */
public final class KeystoneAndroid {
  private KeystoneAndroid() {}

  /** A builder for {@code database} in {@code context}'s database directory. */
  public static <T extends KeystoneDatabase> Builder<T> builder(
      Context context, Class<T> database) {
    return new Builder<>(Objects.requireNonNull(context, "context"), database);
  }

  /** {@link KeystoneBuilder}'s options, with Android's file locations. */
  public static final class Builder<T extends KeystoneDatabase> {
    private final Context context;
    private final KeystoneBuilder<T> options;
    private String name;
    private boolean inMemory;
    private boolean createsFrom;

    private Builder(Context context, Class<T> database) {
      this.context = context;
      this.options = Keystone.builder(database).sqliteDriver(new AndroidSqliteDriver());
    }

    /**
     * Store the database in {@code context.getDatabasePath(name)}, the app's private database
     * directory, as {@code Room.databaseBuilder(context, klass, name)} does.
     */
    public Builder<T> name(String name) {
      if (Objects.requireNonNull(name, "name").isEmpty() || name.indexOf(File.separatorChar) >= 0) {
        throw new IllegalArgumentException(
            "name must be a file name without a directory, got \"" + name + "\"");
      }
      this.name = name;
      this.inMemory = false;
      return this;
    }

    /** Keep the database in memory until it is closed; it has no readers. */
    public Builder<T> inMemory() {
      this.inMemory = true;
      this.name = null;
      options.inMemory();
      return this;
    }

    /** See {@link KeystoneBuilder#readers(int)} (default 4). */
    public Builder<T> readers(int count) {
      options.readers(count);
      return this;
    }

    /** See {@link KeystoneBuilder#migrations(Migration...)}. */
    public Builder<T> migrations(Migration... steps) {
      options.migrations(steps);
      return this;
    }

    /** See {@link KeystoneBuilder#verifyOnOpen(boolean)}. */
    public Builder<T> verifyOnOpen(boolean verify) {
      options.verifyOnOpen(verify);
      return this;
    }

    /** See {@link KeystoneBuilder#busyTimeout(Duration)}. */
    public Builder<T> busyTimeout(Duration timeout) {
      options.busyTimeout(timeout);
      return this;
    }

    /** See {@link KeystoneBuilder#acquireTimeout(Duration)}. */
    public Builder<T> acquireTimeout(Duration timeout) {
      options.acquireTimeout(timeout);
      return this;
    }

    /** See {@link KeystoneBuilder#traceSql(Consumer)}. */
    public Builder<T> traceSql(Consumer<String> listener) {
      options.traceSql(listener);
      return this;
    }

    /**
     * Start from a database shipped in the app's {@code assets/} folder, at {@code assetPath}
     * (Room's {@code createFromAsset}): copied to the database's file the first time, when nothing
     * is there yet, then checked as {@link KeystoneBuilder#createFrom(java.nio.file.Path)} says.
     * Needs {@link #name}.
     */
    public Builder<T> createFrom(String assetPath) {
      Objects.requireNonNull(assetPath, "assetPath");
      options.createFrom("asset:" + assetPath, () -> context.getAssets().open(assetPath));
      createsFrom = true;
      return this;
    }

    /**
     * Start from a database file, such as one downloaded (Room's {@code createFromFile}), copied
     * the first time as {@link #createFrom(String)} says. Needs {@link #name}.
     */
    public Builder<T> createFrom(File file) {
      options.createFrom(Objects.requireNonNull(file, "file").toPath());
      createsFrom = true;
      return this;
    }

    /** Validates the options and opens the database. */
    public T build() {
      if (name == null && !inMemory) {
        throw new IllegalStateException(
            "Choose where the database lives: name(String) or inMemory()");
      }
      if (createsFrom && name == null) {
        throw new IllegalStateException(
            "createFrom(...) copies a SQLite file to the database's file: give name(String)");
      }
      if (name != null) {
        options.path(context.getDatabasePath(name).toPath());
      }
      return options.build();
    }
  }
}
