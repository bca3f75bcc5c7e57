package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import keystone.engine.Keystone;
import keystone.engine.KeystoneDatabase;
import keystone.engine.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated migration of {@link AutoMigrationTest}'s golden case, run by the engine on a real
 * file written by version 1: rows survive the rebuilds, renamed columns keep their values, the new
 * key is enforced, and orphans make it roll back.
 */
class AutoMigrationRunTest {
  @TempDir Path dir;

  private Compilation compile(JavaFileObject... sources) {
    return compileExporting(dir.resolve("schemas"), sources);
  }

  /** Compiles with the processor, exporting schemas to {@code schemas}; must succeed. */
  static Compilation compileExporting(Path schemas, JavaFileObject... sources) {
    Compilation c = javac().withProcessors(new KeystoneProcessor())
        .withOptions("-Akeystone.schemaLocation=" + schemas)
        .compile(AutoMigrationTest.withAnnotation(sources));
    assertThat(c).succeeded();
    return c;
  }

  private Compilation versionTwo() {
    return compile(AutoMigrationTest.USER_V2, AutoMigrationTest.ORDER_V2, AutoMigrationTest.LABEL,
        AutoMigrationTest.db("User.class, Order.class, Label.class", 2,
            "@AutoMigration(from = 1, to = 2, spec = Db.Spec.class)",
            "  @RenameColumn(table = \"users\", from = \"mail\", to = \"email\")",
            "  @DeleteColumn(table = \"users\", column = \"legacy\")",
            "  @DeleteTable(table = \"tags\")"));
  }

  private Path versionOne(String... inserts) {
    Compilation v1 = compile(AutoMigrationTest.USER_V1, AutoMigrationTest.ORDER_V1,
        AutoMigrationTest.TAG_V1,
        AutoMigrationTest.db("User.class, Order.class, Tag.class", 1, ""));
    Path file = dir.resolve("shop.db");
    try (KeystoneDatabase db = Keystone.open(database(v1), file)) {
      db.execute("INSERT INTO users (id, mail, legacy) VALUES (1, 'ada@x', 'old'), (2, 'bob@x',"
          + " NULL)");
      db.execute("INSERT INTO orders (id, user_id) VALUES (10, 1), (11, 1), (12, 2)");
      db.execute("INSERT INTO tags (id, name) VALUES (1, 'gone')");
      for (String sql : inserts) {
        db.execute(sql);
      }
    }
    return file;
  }

  @Test
  void migratesAFileOfVersionOne() {
    Path file = versionOne();
    try (KeystoneDatabase db = Keystone.open(database(versionTwo()), file)) {
      assertThat(rows(db, "SELECT id, email, nickname FROM users ORDER BY id"))
          .containsExactly(List.of(1L, "ada@x", "null"), List.of(2L, "bob@x", "null")).inOrder();
      assertThat(rows(db, "SELECT count(*) FROM orders")).containsExactly(List.of(3L));
      assertThat(rows(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'tags'"))
          .containsExactly(List.of(0L));
      assertThat(db.checkForeignKeys()).isEmpty();
      // The key added by the migration is in force, with its CASCADE.
      db.execute("DELETE FROM users WHERE id = 1");
      assertThat(rows(db, "SELECT id FROM orders")).containsExactly(List.of(12L));
      assertThat(rows(db, "PRAGMA user_version")).containsExactly(List.of(2L));
    }
  }

  @Test
  void orphansRollTheMigrationBack() {
    Path file = versionOne("INSERT INTO orders (id, user_id) VALUES (13, 404)");
    Class<KeystoneDatabase> v2 = database(versionTwo());
    MigrationException e = assertThrows(MigrationException.class, () -> Keystone.open(v2, file));
    assertThat(e.from()).isEqualTo(1);
    assertThat(e.violations()).hasSize(1);
    assertThat(e.violations().get(0).childTable()).isEqualTo("orders");
    assertThat(e.violations().get(0).key()).containsExactly(404L);
  }

  private static List<List<Object>> rows(KeystoneDatabase db, String sql) {
    return db.query(sql).stream()
        .map(r -> java.util.Arrays.stream(r).map(v -> v == null ? (Object) "null" : v).toList())
        .toList();
  }

  /** {@code test.Db} as compiled, in a loader of its own (two versions share its name). */
  @SuppressWarnings("unchecked")
  static Class<KeystoneDatabase> database(Compilation c) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject f : c.generatedFiles()) {
      String path = f.toUri().getPath();
      int at = path.indexOf("/CLASS_OUTPUT/");
      if (f.getKind() == JavaFileObject.Kind.CLASS && at >= 0) {
        String name = path.substring(at + "/CLASS_OUTPUT/".length(), path.length() - 6)
            .replace('/', '.');
        try (InputStream in = f.openInputStream()) {
          classes.put(name, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    ClassLoader loader = new ClassLoader(AutoMigrationRunTest.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
    try {
      return (Class<KeystoneDatabase>) loader.loadClass("test.Db");
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
