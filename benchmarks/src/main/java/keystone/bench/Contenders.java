package keystone.bench;

import java.nio.file.Path;
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

  /** A fresh file for {@code name}: Keystone creates its schema; the others get the same DDL. */
  public static Path freshFile(String name, String tag) {
    return Sqlite.freshFile(name + "-" + tag, !name.equals("keystone"));
  }
}
