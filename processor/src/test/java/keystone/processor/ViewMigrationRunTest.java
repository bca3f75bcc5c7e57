package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static keystone.processor.AutoMigrationRunTest.database;

import com.google.testing.compile.Compilation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javax.tools.JavaFileObject;
import keystone.engine.Keystone;
import keystone.engine.KeystoneBuilder;
import keystone.engine.KeystoneDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code @AutoMigration} that rebuilds (SQLite) or alters (PostgreSQL) a table a view reads,
 * and changes the view: the generated steps drop the old views first and create the new ones
 * last, which both engines need (SQLite's rename re-parses views; PostgreSQL refuses to change
 * what a view depends on), and the migrated database has the compiled view.
 */
class ViewMigrationRunTest {
  private static EmbeddedPostgres postgres;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  private static final JavaFileObject USER = Sources.of("test.User",
      "package test;",
      "import keystone.*;",
      "@Entity(table = \"users\")",
      "public record User(@PrimaryKey long id, @NotNull String mail) {}");
  private static final JavaFileObject ORDER_V1 = Sources.of("test.Order",
      "package test;",
      "import keystone.*;",
      "@Entity(table = \"orders\")",
      "public record Order(@PrimaryKey long id, long userId, int total) {}");
  private static final JavaFileObject ORDER_V2 = Sources.of("test.Order",
      "package test;",
      "import keystone.*;",
      "@Entity(table = \"orders\")",
      "public record Order(@PrimaryKey long id,",
      "    @ForeignKey(entity = User.class, onDelete = ForeignKey.Action.CASCADE) long userId,",
      "    long total) {}");
  private static final JavaFileObject VIEW_V1 = Sources.of("test.Spend",
      "package test;",
      "import keystone.*;",
      "@DatabaseView(\"SELECT user_id, sum(total) AS spent FROM orders GROUP BY user_id\")",
      "public record Spend(long userId, long spent) {}");
  private static final JavaFileObject VIEW_V2 = Sources.of("test.Spend",
      "package test;",
      "import keystone.*;",
      "@DatabaseView(\"SELECT user_id, sum(total) AS spent, count(*) AS orders FROM orders"
          + " GROUP BY user_id\")",
      "public record Spend(long userId, long spent, long orders) {}");

  private Class<KeystoneDatabase> compile(int version, JavaFileObject order, JavaFileObject view,
      String autos) {
    JavaFileObject db = Sources.of("test.Db",
        "package test;",
        "import keystone.*;",
        "@Database(entities = {User.class, Order.class}, views = {Spend.class},",
        "    version = " + version + ", autoMigrations = {" + autos + "})",
        "public interface Db extends keystone.engine.KeystoneDatabase {}");
    Compilation c = javac().withProcessors(new KeystoneProcessor())
        .withOptions("-Akeystone.schemaLocation=" + dir.resolve("schemas"))
        .compile(USER, order, view, db);
    assertThat(c).succeededWithoutWarnings();
    return database(c);
  }

  private void migrates(Function<Class<KeystoneDatabase>, KeystoneBuilder<KeystoneDatabase>> on) {
    try (KeystoneDatabase db = on.apply(compile(1, ORDER_V1, VIEW_V1, "")).build()) {
      db.execute("INSERT INTO users (id, mail) VALUES (1, 'ada@x'), (2, 'bob@x')");
      db.execute("INSERT INTO orders (id, user_id, total) VALUES (10, 1, 5), (11, 1, 7),"
          + " (12, 2, 1)");
    }
    Class<KeystoneDatabase> v2 = compile(2, ORDER_V2, VIEW_V2, "@AutoMigration(from = 1, to = 2)");
    try (KeystoneDatabase db = on.apply(v2).build()) {
      assertThat(rows(db, "SELECT user_id, spent, orders FROM spend ORDER BY user_id"))
          .containsExactly(List.of(1L, 12L, 2L), List.of(2L, 1L, 1L)).inOrder();
      db.execute("DELETE FROM users WHERE id = 1");
      assertThat(rows(db, "SELECT user_id FROM spend")).containsExactly(List.of(2L));
    }
  }

  @Test
  void sqliteRebuildsUnderTheViewAndCreatesTheNewOne() {
    Path file = dir.resolve("shop.db");
    migrates(type -> Keystone.builder(type).path(file));
  }

  @Test
  void postgresAltersUnderTheViewAndCreatesTheNewOne() {
    migrates(type -> Keystone.builder(type).postgres(postgres.getPostgresDatabase()));
  }

  private static List<List<Object>> rows(KeystoneDatabase db, String sql) {
    return db.query(sql).stream()
        .map(r -> Arrays.stream(r).map(v -> v instanceof Number n ? (Object) n.longValue() : v)
            .toList())
        .toList();
  }
}
