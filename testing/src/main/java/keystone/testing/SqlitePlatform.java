package keystone.testing;

import java.nio.file.Path;
import java.util.ServiceLoader;
import keystone.engine.KeystoneBuilder;
import keystone.engine.KeystoneDatabase;

/**
 * The SQLite that {@link TestEngine#SQLITE} and {@link MigrationTestHelper} open files on. By
 * default it is {@code Keystone.builder}'s own, the driver {@code keystone-engine} installs
 * (sqlite-jdbc). A platform whose SQLite is another registers an implementation with
 * {@link ServiceLoader} on its test class path: {@code keystone-android}'s build does so to run
 * the same test classes on Android's own SQLite inside Robolectric, at each API level. Tests that
 * branch on {@code engine == TestEngine.SQLITE} then hold there too: it is SQLite either way.
 */
public interface SqlitePlatform {
  /** A builder for {@code database} stored in {@code file} (created when missing). */
  <T extends KeystoneDatabase> KeystoneBuilder<T> builder(Class<T> database, Path file);

  /** A short name for test output, such as {@code Android API 28 (SQLite 3.32.2)}. */
  String name();

  /** The platform in use: the first {@link ServiceLoader} finds, else Keystone's own. */
  static SqlitePlatform installed() {
    return SqlitePlatforms.INSTALLED;
  }
}
