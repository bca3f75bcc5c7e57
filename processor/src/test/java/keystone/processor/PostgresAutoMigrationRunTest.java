package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static keystone.processor.AutoMigrationRunTest.database;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import javax.tools.JavaFileObject;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import keystone.engine.KeystoneDatabase;
import keystone.engine.MigrationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated {@code POSTGRES_MIGRATIONS} run by the engine on a real PostgreSQL 14: a database
 * made by version 1 and filled is opened by version 2. Rows and renamed values survive, new keys
 * are enforced, orphans roll everything back, and the migrated catalogs (columns, constraints
 * with the names PostgreSQL chose, indexes) are those of a database version 2 makes anew.
 */
class PostgresAutoMigrationRunTest {
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

  @BeforeEach
  void emptySchema() throws SQLException {
    sql("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
  }

  private static DataSource source() {
    return postgres.getPostgresDatabase();
  }

  private static void sql(String... statements) throws SQLException {
    try (Connection c = source().getConnection(); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private Class<KeystoneDatabase> compile(String entities, int version, String autos,
      List<JavaFileObject> sources, String... spec) {
    List<JavaFileObject> all = new ArrayList<>(sources);
    all.add(AutoMigrationTest.db(entities, version, autos, spec));
    Compilation c = javac().withProcessors(new KeystoneProcessor())
        .withOptions("-Akeystone.schemaLocation=" + dir)
        .compile(AutoMigrationTest.withAnnotation(all.toArray(JavaFileObject[]::new)));
    assertThat(c).succeeded();
    return database(c);
  }

  /** Version 1 made on the server and filled by {@code inserts}. */
  private void versionOne(List<JavaFileObject> sources, String... inserts) {
    try (KeystoneDatabase db = Keystone.builder(compile("User.class, Order.class, Tag.class", 1,
        "", sources)).postgres(source()).build()) {
      for (String insert : inserts) {
        db.execute(insert);
      }
    }
  }

  private Class<KeystoneDatabase> goldenVersionTwo() {
    return compile("User.class, Order.class, Label.class", 2,
        "@AutoMigration(from = 1, to = 2, spec = Db.Spec.class)",
        List.of(AutoMigrationTest.USER_V2, AutoMigrationTest.ORDER_V2, AutoMigrationTest.LABEL),
        "  @RenameColumn(table = \"users\", from = \"mail\", to = \"email\")",
        "  @DeleteColumn(table = \"users\", column = \"legacy\")",
        "  @DeleteTable(table = \"tags\")");
  }

  private static final List<JavaFileObject> V1 =
      List.of(AutoMigrationTest.USER_V1, AutoMigrationTest.ORDER_V1, AutoMigrationTest.TAG_V1);
  private static final String[] ROWS = {
    "INSERT INTO users (id, mail, legacy) VALUES (1, 'ada@x', 'old'), (2, 'bob@x', NULL)",
    "INSERT INTO orders (id, user_id) VALUES (10, 1), (11, 1), (12, 2)",
    "INSERT INTO tags (id, name) VALUES (1, 'gone')"
  };

  @Test
  void theGoldenMigrationKeepsRowsAndEnforcesTheNewKey() {
    versionOne(V1, ROWS);
    try (KeystoneDatabase db = Keystone.builder(goldenVersionTwo()).postgres(source()).build()) {
      assertThat(rows(db, "SELECT id, email, nickname FROM users ORDER BY id"))
          .containsExactly(List.of(1L, "ada@x", "null"), List.of(2L, "bob@x", "null")).inOrder();
      assertThat(rows(db, "SELECT version FROM keystone_schema")).containsExactly(List.of(2L));
      assertThat(rows(db, "SELECT to_regclass('tags') IS NULL")).containsExactly(List.of(1L));
      ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
          () -> db.execute("INSERT INTO orders (id, user_id) VALUES (13, 404)"));
      assertThat(e.violations().get(0).constraint()).isEqualTo("fk_orders_user_id");
      assertThat(e.violations().get(0).key()).containsExactly(404L);
      db.execute("DELETE FROM users WHERE id = 1");
      assertThat(rows(db, "SELECT id FROM orders")).containsExactly(List.of(12L));
    }
  }

  @Test
  void orphansRollEveryStepBack() throws SQLException {
    versionOne(V1, ROWS);
    sql("INSERT INTO orders (id, user_id) VALUES (13, 404)");
    Class<KeystoneDatabase> v2 = goldenVersionTwo();
    MigrationException e = assertThrows(MigrationException.class,
        () -> Keystone.builder(v2).postgres(source()).build());
    assertThat(e.getMessage()).contains("the database stays at version 1");
    assertThat(e.violations()).hasSize(1);
    assertThat(e.violations().get(0).constraint()).isEqualTo("fk_orders_user_id");
    assertThat(e.violations().get(0).key()).containsExactly(404L);
    try (Connection c = source().getConnection()) {
      PgCatalog catalog = new PgCatalog(c);
      assertThat(catalog.columns("users").keySet()).containsExactly("id", "mail", "legacy")
          .inOrder();
      assertThat(catalog.columns("tags")).isNotEmpty();
      assertThat(catalog.constraints("f")).isEmpty();
    }
  }

  /** Types, nullability, defaults, UNIQUE, CHECKs, renames: names as PostgreSQL chose them. */
  @Test
  void aMigratedDatabaseIsTheOneTheNewVersionMakes() throws SQLException {
    JavaFileObject before = Sources.of("test.Tag",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"tags\")",
        "public record Tag(@PrimaryKey(autoGenerate = true) long id,",
        "    @Column(unique = true) String code, String name, @Check(\"weight > 0\") int weight,",
        "    @Column(defaultValue = \"1\") int flag, @Column(unique = true) String slug) {}");
    JavaFileObject after = Sources.of("test.Tag",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"labels\", checks = \"weight < 100\")",
        "public record Tag(@PrimaryKey(autoGenerate = true) long id, String code,",
        "    @NotNull @Column(unique = true) String title, @Check(\"weight >= 0\") long weight,",
        "    @Column(defaultValue = \"1\") boolean flag, @Column(unique = true) String slug,",
        "    @Column(defaultValue = \"'x'\") @Check(\"length(extra) = 1\") String extra) {}");
    List<JavaFileObject> one = List.of(AutoMigrationTest.USER_V1, AutoMigrationTest.ORDER_V1,
        before);
    List<JavaFileObject> two = List.of(AutoMigrationTest.USER_V1, AutoMigrationTest.ORDER_V1,
        after);
    versionOne(one, "INSERT INTO tags (code, name, weight, flag, slug) VALUES ('a', 'A', 5, 0,"
        + " 's1'), ('a2', 'B', 7, 2, 's2')");
    Class<KeystoneDatabase> v2 = compile("User.class, Order.class, Tag.class", 2,
        "@AutoMigration(from = 1, to = 2, spec = Db.Spec.class)", two,
        "  @RenameTable(from = \"tags\", to = \"labels\")",
        "  @RenameColumn(table = \"labels\", from = \"name\", to = \"title\")");
    String migrated;
    try (KeystoneDatabase db = Keystone.builder(v2).postgres(source()).build()) {
      assertThat(rows(db, "SELECT code, title, weight, flag, slug, extra FROM labels ORDER BY id"))
          .containsExactly(List.of("a", "A", 5L, 0L, "s1", "x"), List.of("a2", "B", 7L, 1L, "s2",
              "x")).inOrder();
      migrated = catalog();
    }
    emptySchema();
    try (KeystoneDatabase fresh = Keystone.builder(v2).postgres(source()).build()) {
      assertThat(migrated).isEqualTo(catalog());
    }
  }

  @Test
  void aTableItCannotAlterIsRefusedAndLeftAsItWas() throws SQLException {
    versionOne(V1, ROWS);
    JavaFileObject first = Sources.of("test.Tag",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"tags\")",
        "public record Tag(@PrimaryKey long id, String first, String name) {}");
    Class<KeystoneDatabase> v2 = compile("User.class, Order.class, Tag.class", 2,
        "@AutoMigration(from = 1, to = 2)",
        List.of(AutoMigrationTest.USER_V1, AutoMigrationTest.ORDER_V1, first));
    MigrationException e = assertThrows(MigrationException.class,
        () -> Keystone.builder(v2).postgres(source()).build());
    assertThat(e.getMessage()).contains("it rebuilds table tags");
    try (Connection c = source().getConnection()) {
      assertThat(new PgCatalog(c).columns("tags").keySet()).containsExactly("id", "name")
          .inOrder();
    }
  }

  /** Columns, constraints and indexes of the public schema, as text to compare. */
  private static String catalog() throws SQLException {
    try (Connection c = source().getConnection()) {
      PgCatalog catalog = new PgCatalog(c);
      StringBuilder out = new StringBuilder();
      for (String table : List.of("users", "orders", "labels")) {
        out.append(table).append(' ').append(catalog.columns(table)).append('\n');
      }
      for (String type : List.of("p", "u", "c", "f")) {
        out.append(catalog.constraints(type).values()).append('\n');
      }
      return out.append(new java.util.TreeMap<>(catalog.indexes())).toString();
    }
  }

  private static List<List<Object>> rows(KeystoneDatabase db, String sql) {
    return db.query(sql).stream()
        .map(r -> java.util.Arrays.stream(r).map(v -> v == null ? (Object) "null" : v).toList())
        .toList();
  }
}
