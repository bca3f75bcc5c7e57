package keystone.engine.sqlite;

import java.util.Iterator;
import java.util.ServiceLoader;
import keystone.engine.KeystoneException;
import keystone.engine.sqlite.driver.SqliteDriver;

/** The SQLite driver installed beside the engine, found once through {@link ServiceLoader}. */
public final class SqliteDrivers {
  private static volatile SqliteDriver installed;

  private SqliteDrivers() {}

  static SqliteDriver installed() {
    SqliteDriver found = installed;
    if (found == null) {
      found = find();
      installed = found;
    }
    return found;
  }

  private static SqliteDriver find() {
    Iterator<SqliteDriver> drivers =
        ServiceLoader.load(SqliteDriver.class, SqliteDriver.class.getClassLoader()).iterator();
    if (!drivers.hasNext()) {
      throw new KeystoneException("No SQLite driver is installed: add dev.keystone:keystone-engine"
          + " (Keystone with sqlite-jdbc) to the application, use KeystoneAndroid.builder on"
          + " Android, or pass one to Keystone.builder(...).sqliteDriver(...)");
    }
    return drivers.next();
  }
}
