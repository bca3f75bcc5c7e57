package keystone.testing;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.ServiceLoader;
import keystone.engine.Keystone;
import keystone.engine.KeystoneBuilder;
import keystone.engine.KeystoneDatabase;

/**
 * Finds the {@link SqlitePlatform} once per class loader (Robolectric gives each API level a
 * class loader of its own, so each finds its own).
 */
final class SqlitePlatforms {
  static final SqlitePlatform INSTALLED = find();

  private SqlitePlatforms() {}

  private static SqlitePlatform find() {
    Iterator<SqlitePlatform> found = ServiceLoader.load(
        SqlitePlatform.class, SqlitePlatform.class.getClassLoader()).iterator();
    return found.hasNext() ? found.next() : new Desktop();
  }

  /** {@code Keystone.builder(database).path(file)}, on the driver keystone-engine brings. */
  private static final class Desktop implements SqlitePlatform {
    @Override
    public <T extends KeystoneDatabase> KeystoneBuilder<T> builder(Class<T> database, Path file) {
      return Keystone.builder(database).path(file);
    }

    @Override
    public String name() {
      return "sqlite-jdbc";
    }
  }
}
