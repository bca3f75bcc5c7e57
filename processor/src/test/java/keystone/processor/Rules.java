package keystone.processor;

import javax.tools.JavaFileObject;

/** Builders for the small sources of rule tests. */
final class Rules {
  private Rules() {}

  /** An entity {@code test.<name>} whose body lines follow its header. */
  static JavaFileObject entity(String name, String header, String... body) {
    String[] lines = new String[body.length + 6];
    lines[0] = "package test;";
    lines[1] = "import keystone.*;";
    lines[2] = "import static keystone.ForeignKey.Action.*;";
    lines[3] = header;
    lines[4] = "public class " + name + " {";
    System.arraycopy(body, 0, lines, 5, body.length);
    lines[lines.length - 1] = "}";
    return Sources.of("test." + name, lines);
  }

  /** A database over the given entities, with no DAO. */
  static JavaFileObject database(String... entities) {
    return databaseWith(String.join(", ", entities), "version = 1");
  }

  /** A database over {@code entities} (comma-separated) with more attributes. */
  static JavaFileObject databaseWith(String entities, String attributes) {
    return Sources.of("test.Db",
        "package test;",
        "@keystone.Database(entities = {" + entities + "}, " + attributes + ")",
        "public interface Db extends keystone.engine.KeystoneDatabase {}");
  }

  /** A database over User, Order, Category with one DAO whose methods are given. */
  static JavaFileObject daoDatabase() {
    return Sources.of("test.Db",
        "package test;",
        "@keystone.Database(entities = {User.class, Order.class, Category.class})",
        "public interface Db extends keystone.engine.KeystoneDatabase {",
        "  TestDao dao();",
        "}");
  }

  static JavaFileObject dao(String... methods) {
    String[] lines = new String[methods.length + 7];
    lines[0] = "package test;";
    lines[1] = "import keystone.*;";
    lines[2] = "import java.util.*;";
    lines[3] = "@Dao";
    lines[4] = "public interface TestDao {";
    System.arraycopy(methods, 0, lines, 5, methods.length);
    lines[lines.length - 2] = "";
    lines[lines.length - 1] = "}";
    return Sources.of("test.TestDao", lines);
  }
}
