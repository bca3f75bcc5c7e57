package keystone.engine.postgres;

import keystone.engine.KeystoneException;

/**
 * The PostgreSQL engine needs pgjdbc (its error details) and, for a JDBC URL, HikariCP (its pool).
 * keystone-engine declares both optional so that SQLite-only applications never carry them, so an
 * application that forgot keystone-postgres learns it here, by name, instead of from a
 * {@code NoClassDefFoundError} out of {@code build()}.
 */
public final class PgRequirements {
  private static final String DRIVER = "org.postgresql.util.PSQLException";
  private static final String POOL = "com.zaxxer.hikari.HikariConfig";

  private PgRequirements() {}

  /** Throws unless the classes {@code .postgres(...)} needs can be loaded. */
  public static void require(boolean pool) {
    requireClass(DRIVER, "the PostgreSQL JDBC driver (org.postgresql:postgresql)");
    if (pool) {
      requireClass(POOL, "the HikariCP pool (com.zaxxer:HikariCP) that .postgres(jdbcUrl) opens");
    }
  }

  private static void requireClass(String name, String what) {
    try {
      Class.forName(name, false, PgRequirements.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError missing) {
      throw new KeystoneException(
          "Keystone on PostgreSQL needs the artifact dev.keystone:keystone-postgres, which brings "
              + what + ": add the dependency dev.keystone:keystone-postgres (same version as"
              + " keystone-engine) to the application. Missing class: " + name, missing);
    }
  }
}
