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

  private static String database(String... scripts) throws SQLException {
    String url = TestPostgres.freshDatabase();
    execute(url, java.util.Arrays.stream(scripts).map(Cli::resource).toArray(String[]::new));
    return url;
  }

  private static void execute(String url, String... sql) throws SQLException {
    try (Connection c = TestPostgres.dataSource(url).getConnection();
        Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
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

  /**
   * Defaults SQLite cannot parse become {@code @Column(postgresDefault)}: adopted without a
   * migration, and an insert that leaves them out gets what the server writes.
   */
  @Test
  void postgresOnlyDefaultsAreCarriedAndTheServerWritesThem() throws Exception {
    String original = TestPostgres.freshDatabase();
    execute(original, "CREATE TABLE events (id serial PRIMARY KEY, name text NOT NULL,"
        + " created_at timestamptz NOT NULL DEFAULT now(),"
        + " stamp text DEFAULT (CURRENT_TIMESTAMP)::text,"
        + " status text NOT NULL DEFAULT 'new', token uuid DEFAULT gen_random_uuid())");
    Cli.Run run = Cli.run("import", original, "--package", "imported.pgdefaults", "--out",
        dir.resolve("src").toString(), "--database", "ShopDatabase");
    assertEquals(0, run.exit(), run.err());
    assertThat(run.out()).doesNotContain("[differs]");
    assertThat(run.out()).contains("events: DEFAULT gen_random_uuid() on token is PostgreSQL"
        + " that SQLite cannot run (Keystone checks every schema in SQLite at compile time);"
        + " written as @Column(postgresDefault), so on SQLite the column has no default");
    // SQLite would run CURRENT_TIMESTAMP, but Keystone keeps an Instant as microseconds there.
    assertThat(run.out()).contains("events: DEFAULT now() on created_at would not write"
        + " Keystone's stored form of Instant on SQLite; written as @Column(postgresDefault)");
    String events = Files.readString(dir.resolve("src/imported/pgdefaults/Events.java"));
    assertThat(events).contains("@Column(name = \"created_at\", postgresDefault = \"now()\")"
        + " @NotNull Instant createdAt");
    assertThat(events).contains("@Column(name = \"stamp\", postgresDefault ="
        + " \"(CURRENT_TIMESTAMP)::text\") String stamp");
    // A default SQLite reads once PostgreSQL's cast is dropped stays defaultValue.
    assertThat(events).contains("@Column(name = \"status\", defaultValue = \"'new'\")");
    ClassLoader loader = GeneratedCode.compile(dir.resolve("src"), dir.resolve("classes"));
    @SuppressWarnings("unchecked")
    Class<KeystoneDatabase> type = (Class<KeystoneDatabase>) loader.loadClass(
        "imported.pgdefaults.ShopDatabase");
    java.time.Instant before = java.time.Instant.now().minusSeconds(60);
    try (KeystoneDatabase db =
        Keystone.builder(type).postgres(TestPostgres.dataSource(original)).build()) {
      assertThat(db.query("SELECT version FROM keystone_schema").get(0)[0]).isEqualTo(1L);
      assertThat(call(dao(db, "events"), "insertWithDefaults", "launch")).isEqualTo(1);
      Record row = (Record) call(dao(db, "events"), "find", 1L);
      assertThat(value(row, "name")).isEqualTo("launch");
      assertThat((java.time.Instant) value(row, "createdAt")).isGreaterThan(before);
      assertThat((String) value(row, "stamp")).isNotEmpty();
      assertThat(value(row, "status")).isEqualTo("new");
      assertThat(value(row, "token")).isInstanceOf(java.util.UUID.class);
      // The same instant: now() and CURRENT_TIMESTAMP are the transaction's start.
      assertThat(db.query("SELECT count(*) FROM events WHERE stamp::timestamptz = created_at")
          .get(0)[0]).isEqualTo(1L);
    }
    String fresh = TestPostgres.freshDatabase();
    Keystone.builder(type).postgres(TestPostgres.dataSource(fresh)).build().close();
    assertThat(structure(fresh)).containsExactlyElementsIn(structure(original)).inOrder();
    assertThat(structure(fresh)).contains("events.created_at timestamp with time zone NO now()");
  }

  @Test
  void viewsBecomeDatabaseViewsThatOpenTheOriginalSchemaAndReadItsRows() throws Exception {
    String original = database("shopflow-seed003.sql", "shopflow-views-postgres.sql",
        "shopflow-data-postgres.sql");
    Cli.Run run = Cli.run("import", original, "--package", "imported.pgviews", "--out",
        dir.resolve("src").toString(), "--database", "ShopDatabase");
    assertEquals(0, run.exit(), run.err());
    // The two views SQLite cannot run are listed with the reason, in the output and the Javadoc.
    String distinctOn = "view latest_order_per_user is not expressible (SQLite cannot prepare"
        + " its SELECT rewritten as SELECT DISTINCT ON (orders.user_id) orders.user_id,";
    String interval = "view order_grace is not expressible (its SELECT is PostgreSQL that SQLite"
        + " cannot run: a cast of a literal to interval has no SQLite counterpart); it stays in"
        + " the original schema but Keystone will not create it: SELECT orders.id,";
    assertThat(run.out()).contains(distinctOn);
    assertThat(run.out()).contains(interval);
    assertThat(run.out()).contains("'14 days'::interval AS grace FROM orders\n");
    assertThat(run.out()).contains("materialized view product_count is not expressible; it"
        + " stays in the original schema but Keystone will not create it: SELECT count(*) AS"
        + " products FROM products\n");
    assertThat(run.out()).doesNotContain("[differs]");
    Path pkg = dir.resolve("src/imported/pgviews");
    String db = Files.readString(pkg.resolve("ShopDatabase.java"));
    assertThat(db).contains("views = {UserOrderTotals.class, BigSpenders.class,"
        + " CheapProducts.class, OpenOrders.class, UserNameList.class}");
    assertThat(db).contains("view order_grace is not expressible (its SELECT is PostgreSQL");
    assertThat(db).contains("view latest_order_per_user is not expressible");
    assertThat(Files.readString(pkg.resolve("OpenOrders.java"))).contains(
        "value = \"SELECT orders.id, orders.user_id, orders.status FROM orders WHERE"
            + " orders.status IN ('pending', 'paid')\",\n    postgres = \"SELECT orders.id,"
            + " orders.user_id, orders.status FROM orders WHERE orders.status = ANY"
            + " (ARRAY['pending'::text, 'paid'::text])\"");
    assertThat(Files.readString(pkg.resolve("UserOrderTotals.java"))).contains(
        "@Column(name = \"spent\") BigDecimal spent");
    ClassLoader loader = GeneratedCode.compile(dir.resolve("src"), dir.resolve("classes"));
    @SuppressWarnings("unchecked")
    Class<KeystoneDatabase> type =
        (Class<KeystoneDatabase>) loader.loadClass("imported.pgviews.ShopDatabase");
    try (KeystoneDatabase opened =
        Keystone.builder(type).postgres(TestPostgres.dataSource(original)).build()) {
      assertThat(rows(opened, "userOrderTotals", "userId", "name", "orders", "spent"))
          .containsExactly("1 Ada 2 135.00", "2 Bob 1 12.50", "3 Cy 0 0");
      assertThat(rows(opened, "bigSpenders", "userId", "name")).containsExactly("1 Ada");
      assertThat(rows(opened, "openOrders", "id", "status")).containsExactly("1 paid",
          "2 pending");
      assertThat(rows(opened, "cheapProducts", "name", "price", "half"))
          .containsExactly("screw 0.10 0.05", "spade 9.99 4.995");
      assertThat(rows(opened, "userNameList", "names")).containsExactly("Ada, Bob, Cy");
      // The views read what the DAOs write.
      call(dao(opened, "orders"), "insert",
          recordIn(loader, "imported.pgviews", "Orders", 0L, 3, "pending"));
      assertThat(rows(opened, "openOrders", "id", "status")).containsExactly("1 paid",
          "2 pending", "4 pending");
    }
    // Both ways: a new database made by the generated code prints the imported views alike.
    String fresh = TestPostgres.freshDatabase();
    Keystone.builder(type).postgres(TestPostgres.dataSource(fresh)).build().close();
    List<String> made = views(fresh);
    assertThat(made).hasSize(5);
    assertThat(views(original)).containsAtLeastElementsIn(made);
  }

  @Test
  void anImportedViewChangedInTheSourceIsRefusedWithTheDifference() throws Exception {
    String original = database("shopflow-seed003.sql", "shopflow-views-postgres.sql");
    Class<KeystoneDatabase> type = importAndCompile(original, "imported.pgviews2");
    // The same columns, another filter: only the SELECT tells them apart.
    execute(original, "CREATE OR REPLACE VIEW open_orders AS SELECT id, user_id, status"
        + " FROM orders WHERE status = 'pending'");
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> Keystone.builder(type).postgres(TestPostgres.dataSource(original)).build());
    assertThat(e.getMessage()).contains("view open_orders is SELECT orders.id, orders.user_id,"
        + " orders.status FROM orders WHERE orders.status = 'pending'::text, compiled SELECT"
        + " orders.id, orders.user_id, orders.status FROM orders WHERE orders.status = ANY"
        + " (ARRAY['pending'::text, 'paid'::text])");
    assertThat(structure(original).toString()).doesNotContain("keystone_schema");
  }

  /** Each row of view DAO {@code dao}'s {@code all()} as its components' values, in order. */
  private static List<String> rows(KeystoneDatabase db, String dao, String... components)
      throws Exception {
    List<String> rows = new ArrayList<>();
    for (Object row : (List<?>) call(dao(db, dao), "all")) {
      List<String> values = new ArrayList<>();
      for (String component : components) {
        values.add(String.valueOf(value((Record) row, component)));
      }
      rows.add(String.join(" ", values));
    }
    rows.sort(null);
    return rows;
  }

  /** Each view of the public schema: its name and its SELECT as PostgreSQL prints it. */
  private static List<String> views(String url) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = TestPostgres.dataSource(url).getConnection();
        Statement st = c.createStatement()) {
      collect(st, "SELECT viewname || ': ' || definition FROM pg_views"
          + " WHERE schemaname = 'public' ORDER BY 1", out);
    }
    return out;
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
