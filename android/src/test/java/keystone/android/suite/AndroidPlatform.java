package keystone.android.suite;

import java.nio.file.Path;
import keystone.android.AndroidSqliteDriver;
import keystone.engine.Keystone;
import keystone.engine.KeystoneBuilder;
import keystone.engine.KeystoneDatabase;
import keystone.testing.SqlitePlatform;

/**
 * What {@code TestEngine.SQLITE} and {@code MigrationTestHelper} open files with inside the
 * Android sandbox (registered as a service on this module's test class path): the builder
 * {@code KeystoneAndroid.builder(context, database)} wraps, with Android's own SQLite as its
 * driver, at the path the test chose instead of one under {@code getDatabasePath}.
 */
public final class AndroidPlatform implements SqlitePlatform {
  @Override
  public <T extends KeystoneDatabase> KeystoneBuilder<T> builder(Class<T> database, Path file) {
    return Keystone.builder(database).sqliteDriver(new AndroidSqliteDriver()).path(file);
  }

  @Override
  public String name() {
    return new AndroidSqliteDriver().name();
  }
}
