package keystone.android.suite;

import java.nio.file.Path;
import keystone.engine.Keystone;
import keystone.engine.KeystoneBuilder;
import keystone.engine.KeystoneDatabase;
import keystone.testing.SqlitePlatform;

/**
 * The SQLite {@code TestEngine.SQLITE} and {@code MigrationTestHelper} open files on inside the
 * Android sandbox (registered as a service on this module's test class path).
 */
public final class AndroidPlatform implements SqlitePlatform {
  @Override
  public <T extends KeystoneDatabase> KeystoneBuilder<T> builder(Class<T> database, Path file) {
    return Keystone.builder(database).path(file);
  }

  @Override
  public String name() {
    return "sqlite-jdbc inside the sandbox, until KeystoneAndroid lands";
  }
}
