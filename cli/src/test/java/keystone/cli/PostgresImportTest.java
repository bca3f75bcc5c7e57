package keystone.cli;

import static com.google.common.truth.Truth.assertThat;
import static keystone.cli.ImportRoundTripTest.call;
import static keystone.cli.ImportRoundTripTest.dao;
import static keystone.cli.ImportRoundTripTest.recordIn;
import static keystone.cli.ImportRoundTripTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import keystone.engine.KeystoneDatabase;
import keystone.engine.KeystoneException;
import keystone.engine.UniqueViolationException;
import keystone.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keystone import} from PostgreSQL, round trip: the generated database opens the
 * original schema (adopted: no Keystone version table before), and its structure is what the
 * generated database makes in an empty database, both ways.
 */
class PostgresImportTest {
  @TempDir Path dir;

  private static String database(String script) throws SQLException {
    String url = TestPostgres.freshDatabase();
    try (Connection c = TestPostgres.dataSource(url).getConnection();
        Statement st = c.createStatement()) {
      st.execute(Cli.resource(script));
    }
    return url;
  }

  @SuppressWarnings("unchecked")
  private Class<KeystoneDatabase> importAndCompile(String url, String pkg) throws Exception {
    Cli.Run run = Cli.run("import", url, "--package", pkg, "--out",
        dir.resolve("src").toString(), "--database", "ShopDatabase");
    assertEquals(0, run.exit(), run.err());
    assertThat(run.out()).doesNotContain("[differs]");
    ClassLoader loader = GeneratedCode.compile(dir.resolve("src"), dir.resolve("classes"));
    return (Class<KeystoneDatabase>) loader.loadClass(pkg + ".ShopDatabase");
  }

  @Test
  void shopFlowOpensTheOriginalSchemaAndItsDaosWork() throws Exception {
    String original = database("shopflow-seed003.sql");
    Class<KeystoneDatabase> type = importAndCompile(original, "imported.pgshop");
    Path pkg = dir.resolve("src/imported/pgshop");
    assertThat(Files.readString(pkg.resolve("Users.java"))).contains(
        "@PrimaryKey(autoGenerate = true) @Column(name = \"id\", postgresType = \"integer\")"
            + " long id");
    assertThat(Files.readString(pkg.resolve("Products.java")))
        .contains("@Column(name = \"price\", postgresType = \"numeric(10,2)\") @NotNull"
            + " @Check(\"price >= 0\") BigDecimal price");
    assertThat(Files.readString(pkg.resolve("Orders.java")))
        .contains("@Column(name = \"user_id\") @ForeignKey(");
    try (KeystoneDatabase db =
        Keystone.builder(type).postgres(TestPostgres.dataSource(original)).build()) {
      ClassLoader loader = type.getClassLoader();
      String p = "imported.pgshop";
      long ada = (Long) call(dao(db, "users"), "insert",
          recordIn(loader, p, "Users", 0L, "Ada", "ada@example.com"));
      long order = (Long) call(dao(db, "orders"), "insert",
          recordIn(loader, p, "Orders", 0L, (int) ada, "paid"));
      long saw = (Long) call(dao(db, "products"), "insert",
          recordIn(loader, p, "Products", 0L, "saw", new BigDecimal("12.50"), null, null));
      call(dao(db, "orderItems"), "insert", recordIn(loader, p, "OrderItems", 0L, (int) order,
          (int) saw, 2, new BigDecimal("12.50")));
      assertEquals(new BigDecimal("12.50"),
          value((Record) call(dao(db, "products"), "find", saw), "price"));
      InvocationTargetException twice = assertThrows(InvocationTargetException.class,
          () -> call(dao(db, "orderItems"), "insert", recordIn(loader, p, "OrderItems", 0L,
              (int) order, (int) saw, 1, new BigDecimal("1.00"))));
      assertThat(twice.getCause()).isInstanceOf(UniqueViolationException.class);
      InvocationTargetException restrict = assertThrows(InvocationTargetException.class,
          () -> call(dao(db, "users"), "delete", call(dao(db, "users"), "find", ada)));
      assertThat(restrict.getCause()).isInstanceOf(ForeignKeyViolationException.class);
      // deferForeignKeys() works on keys the schema declared NOT DEFERRABLE: adoption made
      // them DEFERRABLE INITIALLY IMMEDIATE.
      // A line written before its product, checked at COMMIT.
      db.runInTransaction(() -> {
        db.deferForeignKeys();
        db.execute("INSERT INTO order_items (order_id, product_id, quantity, price_at_purchase)"
            + " VALUES (?, 999, 1, 1)", order);
        db.execute("INSERT INTO products (id, name, price) VALUES (999, 'late', 1)");
      });
      assertThat(db.query("SELECT version FROM keystone_schema").get(0)[0]).isEqualTo(1L);
    }
    // Both ways: an empty database opened with the generated code has the same structure.
    String fresh = TestPostgres.freshDatabase();
    Keystone.builder(type).postgres(TestPostgres.dataSource(fresh)).build().close();
    assertThat(structure(fresh)).containsExactlyElementsIn(structure(original)).inOrder();
  }

  @Test
  void aSchemaThatDiffersIsRefusedWithEveryDifferenceAndLeftUntouched() throws Exception {
    String original = database("shopflow-seed003.sql");
    Class<KeystoneDatabase> type = importAndCompile(original, "imported.pgshop2");
    try (Connection c = TestPostgres.dataSource(original).getConnection();
        Statement st = c.createStatement()) {
      st.execute("ALTER TABLE orders ALTER COLUMN status DROP DEFAULT");
      st.execute("ALTER TABLE products ALTER COLUMN name TYPE varchar(40)");
    }
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> Keystone.builder(type).postgres(TestPostgres.dataSource(original)).build());
    assertThat(e.getMessage()).contains("has the tables of this database but no Keystone schema"
        + " version (keystone_schema), and they do not have the compiled structure");
    assertThat(e.getMessage()).contains("table orders has columns");
    assertThat(e.getMessage()).contains("table products has columns");
    assertThat(structure(original).toString()).doesNotContain("keystone_schema");
  }

  /**
   * Columns (type, NULL, default: a SERIAL's and an identity's both "generated"), constraints
   * as PostgreSQL prints them, and indexes, of the public schema but Keystone's version table.
   */
  private static List<String> structure(String url) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = TestPostgres.dataSource(url).getConnection();
        Statement st = c.createStatement()) {
      collect(st, "SELECT table_name || '.' || column_name || ' ' || format_type(a.atttypid,"
          + " a.atttypmod) || ' ' || is_nullable || ' ' || CASE WHEN column_default LIKE"
          + " 'nextval(%' OR is_identity = 'YES' THEN 'generated' ELSE coalesce(column_default,"
          + " '-') END FROM information_schema.columns i JOIN pg_attribute a ON a.attrelid ="
          + " ('public.' || quote_ident(i.table_name))::regclass AND a.attname = i.column_name"
          + " WHERE table_schema = 'public' ORDER BY table_name, ordinal_position", out);
      collect(st, "SELECT conrelid::regclass::text || ' ' || conname || ' '"
          + " || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace ="
          + " 'public'::regnamespace ORDER BY 1", out);
      collect(st, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
          out);
    }
    out.removeIf(line -> line.contains("keystone_schema"));
    return out;
  }

  private static void collect(Statement st, String sql, List<String> out) throws SQLException {
    try (ResultSet rows = st.executeQuery(sql)) {
      while (rows.next()) {
        out.add(rows.getString(1));
      }
    }
  }
}
