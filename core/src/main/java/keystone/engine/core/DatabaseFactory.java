package keystone.engine.core;

import keystone.engine.sqlite.SqliteEngine;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import keystone.engine.KeystoneDatabase;
import keystone.engine.KeystoneException;
import keystone.engine.Migration;
import keystone.engine.spi.Engine;
import keystone.engine.spi.Schema;

/**
 * Finds the processor's {@code <Database>_Impl} and opens it. The only reflection Keystone does,
 * once per open, as Room does for its {@code _Impl}.
 */
public final class DatabaseFactory {
  private DatabaseFactory() {}

  public static <T extends KeystoneDatabase> T open(Class<T> database, EngineConfig config) {
    Class<?> impl = implementation(database);
    Schema schema = schema(impl);
    EngineConfig full = withGenerated(config, impl);
    Engine engine = full.postgres()
        ? PostgresProvider.installed().open(schema, full)
        : SqliteEngine.open(schema, full);
    try {
      return database.cast(impl.getConstructor(Engine.class).newInstance(engine));
    } catch (InvocationTargetException e) {
      engine.close();
      throw new KeystoneException("Creating " + impl.getName() + " failed", e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      engine.close();
      throw new KeystoneException("Creating " + impl.getName() + " failed", e);
    }
  }

  /**
   * Adds the migrations the processor generated ({@code @AutoMigration}) for the engine: the
   * optional constant {@code MIGRATIONS} on SQLite, {@code POSTGRES_MIGRATIONS} on PostgreSQL.
   * The builder's own come first and win for the same step.
   */
  private static EngineConfig withGenerated(EngineConfig config, Class<?> impl) {
    List<Migration> generated =
        config.postgres() ? postgresMigrations(impl) : constant(impl, "MIGRATIONS");
    if (generated == null) {
      return config;
    }
    List<Migration> all = new ArrayList<>(config.migrations());
    all.addAll(generated);
    return new EngineConfig(
        config.path(), config.readers(), config.acquireTimeout(), config.busyTimeout(),
        config.verifyOnOpen(), all, config.database(), config.trace(), config.postgresUrl(),
        config.postgresDataSource(), config.deferrableKeys(), config.createFrom(),
        config.driver());
  }

  /**
   * An {@code _Impl} from a processor before PostgreSQL migrations has only SQLite's, whose
   * rebuilds and SQLite DDL must not run there: each becomes a step that fails, with the fix,
   * if a database needs it (and is left at its version).
   */
  private static List<Migration> postgresMigrations(Class<?> impl) {
    List<Migration> postgres = constant(impl, "POSTGRES_MIGRATIONS");
    List<Migration> sqlite = constant(impl, "MIGRATIONS");
    if (postgres != null || sqlite == null) {
      return postgres;
    }
    List<Migration> refused = new ArrayList<>();
    for (Migration m : sqlite) {
      refused.add(Migration.of(m.from(), m.to(), db -> {
        throw new KeystoneException(impl.getName() + " has @AutoMigrations for SQLite only (no"
            + " POSTGRES_MIGRATIONS): compile it again with this Keystone version's processor");
      }));
    }
    return refused;
  }

  @SuppressWarnings("unchecked")
  private static List<Migration> constant(Class<?> impl, String name) {
    try {
      return (List<Migration>) impl.getField(name).get(null);
    } catch (NoSuchFieldException none) {
      return null;
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new KeystoneException(impl.getName() + "." + name + " is not a List<Migration>", e);
    }
  }

  /** {@code p.Outer.Inner} is implemented by {@code p.Outer_Inner_Impl}. */
  static String implementationName(Class<?> database) {
    String binary = database.getName();
    // Not Class.getPackageName(), which Android 9 (API 28) lacks: a binary name's last dot
    // ends its package (nesting is written with '$').
    String packageName = binary.substring(0, Math.max(0, binary.lastIndexOf('.')));
    String simple = packageName.isEmpty() ? binary : binary.substring(packageName.length() + 1);
    String impl = simple.replace('$', '_') + "_Impl";
    return packageName.isEmpty() ? impl : packageName + "." + impl;
  }

  private static Class<?> implementation(Class<?> database) {
    String name = implementationName(database);
    try {
      return Class.forName(name, true, database.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new KeystoneException(
          "No generated " + name + " for " + database.getName() + ": is it annotated with"
              + " @Database, and is keystone-processor on the annotation processor path?", e);
    }
  }

  private static Schema schema(Class<?> impl) {
    try {
      return (Schema) impl.getField("SCHEMA").get(null);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new KeystoneException(
          impl.getName() + " has no SCHEMA constant: rebuild it with this Keystone version", e);
    }
  }
}
