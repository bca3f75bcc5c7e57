package keystone.bench;

import keystone.bench.hibernate.HibernateContender;
import keystone.bench.jdbc.JdbcContender;
import keystone.bench.jdbi.JdbiContender;
import keystone.bench.keystone.KeystoneContender;
import keystone.bench.ormlite.OrmliteContender;

/** Contenders by name, and the fixture every measurement starts from. */
public final class Contenders {
  private Contenders() {}

  public static Contender create(String name) {
    return switch (name) {
      case "jdbc" -> new JdbcContender();
      case "keystone" -> new KeystoneContender();
      case "ormlite" -> new OrmliteContender();
      case "hibernate" -> new HibernateContender();
      case "jdbi" -> new JdbiContender();
      default -> throw new IllegalArgumentException("Unknown contender " + name);
    };
  }

  /**
   * A fresh store for {@code name} on {@code engine} ("sqlite" or "postgres"): Keystone creates
   * its schema; the others get the same DDL.
   */
  public static Store fresh(String name, String tag, String engine) {
    boolean withSchema = !name.equals("keystone");
    return switch (engine) {
      case "sqlite" -> Store.sqlite(Sqlite.freshFile(name + "-" + tag, withSchema));
      case "postgres" -> Postgres.fresh(withSchema);
      default -> throw new IllegalArgumentException("Unknown engine " + engine);
    };
  }
}
