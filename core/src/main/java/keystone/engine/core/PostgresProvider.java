package keystone.engine.core;

import java.util.Iterator;
import java.util.ServiceLoader;
import keystone.engine.KeystoneException;
import keystone.engine.spi.Engine;
import keystone.engine.spi.Schema;

/**
 * The PostgreSQL engine, which lives beside the core in {@code keystone-engine} and is found
 * through {@link ServiceLoader}, so that the core (all that {@code keystone-android} carries)
 * refers to no PostgreSQL class.
 */
public interface PostgresProvider {
  /** Throws, naming the artifact to add, unless what {@code .postgres(...)} needs is present. */
  void require(boolean pooled);

  /** Opens the database {@code config} describes, running the migrations it needs. */
  Engine open(Schema schema, EngineConfig config);

  /** The installed provider; a {@link KeystoneException} naming the artifact when none is. */
  static PostgresProvider installed() {
    Iterator<PostgresProvider> found =
        ServiceLoader.load(PostgresProvider.class, PostgresProvider.class.getClassLoader())
            .iterator();
    if (!found.hasNext()) {
      throw new KeystoneException("Keystone on PostgreSQL needs the artifact"
          + " dev.keystone:keystone-postgres, which this application does not have (only"
          + " Keystone's core is on its class path): add dev.keystone:keystone-postgres");
    }
    return found.next();
  }
}
