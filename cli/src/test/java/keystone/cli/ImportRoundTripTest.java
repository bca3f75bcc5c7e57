package keystone.cli;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import keystone.engine.KeystoneDatabase;
import keystone.engine.KeystoneException;
import keystone.engine.UniqueViolationException;
import keystone.engine.schema.SchemaDiff;
import keystone.engine.sqlite.schema.SchemaShapes;
import keystone.engine.schema.TableShape;
import keystone.engine.sqlite.schema.ViewShapes;
import keystone.engine.sqlite.SqliteConnection;
import keystone.engine.sqlite.jdbc.SqliteJdbcDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keystone import} round trips: the generated sources compile with the processor, the
 * generated database opens the original file without a migration (the engine compares the
 * structure on open), and the DAOs work on its rows.
 */
class ImportRoundTripTest {
  @TempDir Path dir;

  @Test
  void largeSchemaOpensWithTheGeneratedDatabaseAndItsDaosWork() throws Exception {
    Path file = Cli.sqliteFile(dir.resolve("large.db"), "large.sql", "large-data.sql");
    Cli.Run run = Cli.run("import", file.toString(), "--package", "imported.large",
        "--out", dir.resolve("src").toString(), "--database", "LargeDatabase");
    assertEquals(0, run.exit(), run.err());
    assertThat(run.out()).doesNotContain("view order_totals");
    assertThat(run.out()).contains("trigger products_stock_never_negative is not expressible");
    assertThat(run.out()).contains("partial index idx_reviews_low WHERE rating <= 2");
    assertThat(run.out()).contains("countries: WITHOUT ROWID is not expressible");
    assertThat(run.out()).doesNotContain("[differs]");

    ClassLoader loader = GeneratedCode.compile(dir.resolve("src"), dir.resolve("classes"));
    @SuppressWarnings("unchecked")
    Class<KeystoneDatabase> type =
        (Class<KeystoneDatabase>) loader.loadClass("imported.large.LargeDatabase");
    // Both ways: what the generated code creates in a new file is what the original holds, but
    // for the partial index listed above (opening compares only the compiled side).
    Path fresh = dir.resolve("fresh.db");
    Keystone.open(type, fresh).close();
    // A file Keystone made (WAL mode) reads as healthy, and reading it leaves it as it was.
    byte[] before = Files.readAllBytes(fresh);
    Cli.Run doctor = Cli.run("doctor", fresh.toString());
    assertEquals(0, doctor.exit(), doctor.out() + doctor.err());
    assertThat(doctor.out()).contains("0 error(s), 0 warning(s), 2 note(s)");
    assertThat(Files.readAllBytes(fresh)).isEqualTo(before);
    Map<String, TableShape> original = shapes(file);
    original.get("reviews").indexes().remove("idx_reviews_low");
    assertThat(SchemaDiff.differences(original, shapes(fresh))).isEmpty();
    assertThat(shapes(fresh).keySet()).isEqualTo(original.keySet());
    try (KeystoneDatabase db = Keystone.open(type, file)) {
      Object orders = dao(db, "orders");
      Record order = (Record) call(orders, "find", 1L);
      assertEquals("paid", value(order, "status"));
      assertEquals(1L, value(order, "userId"));
      assertThat((List<?>) call(orders, "findByUserId", 2L)).hasSize(1);

      Object users = dao(db, "users");
      Record dan = record(loader, "Users", 0L, "dan@example.com", "Dan", 1L, "2026-01-01");
      long id = (Long) call(users, "insert", dan);
      assertThat((List<?>) call(users, "findByReferredBy", 1L)).hasSize(3);
      assertEquals(1, call(users, "delete", call(users, "find", id)));

      Object items = dao(db, "orderItems");
      Record line = record(loader, "OrderItems", 2L, 2L, 999L, 1L);
      InvocationTargetException e = assertThrows(InvocationTargetException.class,
          () -> call(items, "insert", line));
      assertThat(e.getCause()).isInstanceOf(ForeignKeyViolationException.class);
      call(items, "upsert", record(loader, "OrderItems", 2L, 1L, 2L, 7L));
      assertEquals(7L, value((Record) call(items, "find", 2L, 1L), "quantity"));

      Object countries = dao(db, "countries");
      call(countries, "upsert", record(loader, "Countries", "DE", "Deutschland"));
      assertEquals("Deutschland", value((Record) call(countries, "find", "DE"), "name"));
      assertNull(call(countries, "find", "XX"));
      assertThat(db.checkForeignKeys()).isEmpty();
    }
  }

  /** Imports {@code file}, compiles it and opens the file with the generated database. */
  private KeystoneDatabase importAndOpen(Path file, String pkg, String database)
      throws Exception {
    return importAndOpen(file, file, pkg, database);
  }

  /** Imports {@code source} (a file or DDL), compiles it and opens {@code file} with it. */
  private KeystoneDatabase importAndOpen(Path source, Path file, String pkg, String database)
      throws Exception {
    Imported imported = importAndCompile(source, pkg, database);
    assertThat(imported.run().out()).doesNotContain("[differs]");
    return Keystone.open(imported.type(), file);
  }

  /** What {@code keystone import} printed, and the database class it wrote, compiled. */
  record Imported(Cli.Run run, Class<KeystoneDatabase> type) {}

  /** Runs the command on {@code source}, compiles its output with the processor and loads it. */
  private Imported importAndCompile(Path source, String pkg, String database) throws Exception {
    Cli.Run run = Cli.run("import", source.toString(), "--package", pkg,
        "--out", dir.resolve("src").toString(), "--database", database);
    assertEquals(0, run.exit(), run.err());
    ClassLoader loader = GeneratedCode.compile(dir.resolve("src"), dir.resolve("classes"));
    @SuppressWarnings("unchecked")
    Class<KeystoneDatabase> type =
        (Class<KeystoneDatabase>) loader.loadClass(pkg + "." + database);
    return new Imported(run, type);
  }

  @Test
  void d1SeedRoundTrips() throws Exception {
    // D1 databases are built from numbered .sql migrations: import reads the DDL itself, and
    // the generated database opens the file those migrations made.
    Path ddl = Files.writeString(dir.resolve("0001_init.sql"), Cli.resource("d1-seed001.sql"));
    Path file = Cli.sqliteFile(dir.resolve("d1.db"), "d1-seed001.sql");
    try (KeystoneDatabase db = importAndOpen(ddl, file, "imported.d1", "D1Database")) {
      ClassLoader loader = db.getClass().getClassLoader();
      Object users = dao(db, "users");
      long ada = (Long) call(users, "insert",
          recordIn(loader, "imported.d1", "Users", 0L, "ada@example.com", "Ada", null));
      call(dao(db, "scores"), "insert",
          recordIn(loader, "imported.d1", "Scores", 0L, null, "chess", 10L, ada));
      call(dao(db, "orders"), "insert",
          recordIn(loader, "imported.d1", "Orders", 0L, 1L, "saw", null, ada));
      assertThat((List<?>) call(dao(db, "orders"), "findByUserWhoOrdered", ada)).hasSize(1);
      // NO ACTION from orders refuses the delete; the scores would have cascaded.
      InvocationTargetException e = assertThrows(InvocationTargetException.class,
          () -> call(users, "delete", call(users, "find", ada)));
      assertThat(e.getCause()).isInstanceOf(ForeignKeyViolationException.class);
      assertThat((List<?>) call(dao(db, "scores"), "findByPlayerId", ada)).hasSize(1);
    }
  }

  @Test
  void blogSeedRoundTrips() throws Exception {
    Path file = Cli.sqliteFile(dir.resolve("blog.db"), "blog-seed002.sql");
    try (KeystoneDatabase db = importAndOpen(file, "imported.blog", "BlogDatabase")) {
      assertSameStructure(file, db);
      ClassLoader loader = db.getClass().getClassLoader();
      String pkg = "imported.blog";
      long ada = (Long) call(dao(db, "authors"), "insert",
          recordIn(loader, pkg, "Authors", 0L, "Ada", "ada@example.com"));
      long post = (Long) call(dao(db, "posts"), "insert",
          recordIn(loader, pkg, "Posts", 0L, ada, "Hello", null));
      long tag = (Long) call(dao(db, "tags"), "insert", recordIn(loader, pkg, "Tags", 0L, "sql"));
      call(dao(db, "postTags"), "insert", recordIn(loader, pkg, "PostTags", post, tag));
      Object authors = dao(db, "authors");
      assertEquals(1, call(authors, "delete", call(authors, "find", ada)));
      // CASCADE on both levels: the post and its tag link went with the author.
      assertThat((List<?>) call(dao(db, "postTags"), "findByTagId", tag)).isEmpty();
      assertThat(db.query("SELECT count(*) FROM posts").get(0)[0]).isEqualTo(0L);
    }
  }

  @Test
  void shopFlowDdlInSqliteRoundTrips() throws Exception {
    // PostgreSQL's DDL run by SQLite: SERIAL keys (NUMERIC affinity, NULL allowed), NUMERIC(10,
    // 2) prices and a UNIQUE (order_id, product_id) constraint, all described exactly.
    Path file = Cli.sqliteFile(dir.resolve("shopflow.db"), "shopflow-seed003.sql");
    try (KeystoneDatabase db = importAndOpen(file, "imported.shop", "ShopDatabase")) {
      assertSameStructure(file, db);
      ClassLoader loader = db.getClass().getClassLoader();
      String pkg = "imported.shop";
      call(dao(db, "users"), "insert", recordIn(loader, pkg, "Users", 1L, "Ada", "a@x.org"));
      call(dao(db, "orders"), "insert", recordIn(loader, pkg, "Orders", 1L, 1L, "paid"));
      call(dao(db, "products"), "insert",
          recordIn(loader, pkg, "Products", 1L, "saw", 12.5, null, null));
      call(dao(db, "orderItems"), "insert",
          recordIn(loader, pkg, "OrderItems", 1L, 1L, 1L, 2L, 12.5));
      InvocationTargetException e = assertThrows(InvocationTargetException.class,
          () -> call(dao(db, "orderItems"), "insert",
              recordIn(loader, pkg, "OrderItems", 2L, 1L, 1L, 1L, 12.5)));
      assertThat(e.getCause()).isInstanceOf(UniqueViolationException.class);
    }
  }

  @Test
  void sourceShapesRoundTrip() throws Exception {
    Path file = Cli.sqliteFile(dir.resolve("shapes.db"), "shapes.sql");
    Imported imported = importAndCompile(file, "imported.shapes", "ShapesDatabase");
    Cli.Run run = imported.run();
    assertThat(run.out()).doesNotContain("[differs]");
    assertThat(run.out()).contains("shops.opened DATE: java.time.LocalDate, as all 1 value(s)"
        + " are yyyy-MM-dd text (Keystone's stored form)");
    assertThat(run.out()).contains("shops.token UUID: java.util.UUID, as all 1 value(s) are"
        + " canonical lower-case UUID text");
    assertThat(run.out()).contains("shops.created_at DATETIME: kept as String: its DEFAULT"
        + " CURRENT_TIMESTAMP does not write yyyy-MM-dd HH:mm:ss.SSSSSS text");
    assertThat(run.out()).contains("shops.closed DATE: kept as String: 1 of 1 value(s) are not"
        + " yyyy-MM-dd text");
    Path pkg = dir.resolve("src/imported/shapes");
    assertThat(Files.readString(pkg.resolve("Shops.java")))
        .contains("@Column(name = \"id\", nullableKey = true)");
    assertThat(Files.readString(pkg.resolve("Products.java")))
        .contains("@Column(name = \"weight\", sqliteType = \"DECIMAL(10, 2)\") Double weight");
    assertThat(Files.readString(pkg.resolve("Stock.java"))).contains("constraint = true");
    try (KeystoneDatabase db = Keystone.open(imported.type(), file)) {
      ClassLoader loader = db.getClass().getClassLoader();
      assertSameStructure(file, db);
      Object shops = dao(db, "shops");
      Record north = (Record) call(shops, "find", "s1");
      assertEquals(LocalDate.of(2024, 5, 1), value(north, "opened"));
      assertEquals(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"),
          value(north, "token"));
      assertEquals("05/01/2025", value(north, "closed"));
      Record product = (Record) call(dao(db, "products"), "find", "s1", "A-1");
      assertEquals(12.5, value(product, "price"));
      assertEquals(true, value(product, "active"));
      String p = "imported.shapes";
      call(shops, "insert", recordIn(loader, p, "Shops", "s3", "East", LocalDate.of(2025, 1, 2),
          UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016cb8c5e80"), null, null));
      // Keystone's LocalDate and UUID write what the file already holds.
      assertThat(db.query("SELECT opened, token FROM shops WHERE id = 's3'").get(0))
          .asList().containsExactly("2025-01-02", "1b4e28ba-2fa1-11d2-883f-0016cb8c5e80");
      Object stock = dao(db, "stock");
      InvocationTargetException twice = assertThrows(InvocationTargetException.class,
          () -> call(stock, "insert", recordIn(loader, p, "Stock", 0L, "s1", "A-1", "left")));
      assertThat(twice.getCause()).isInstanceOf(UniqueViolationException.class);
      InvocationTargetException orphan = assertThrows(InvocationTargetException.class,
          () -> call(stock, "insert", recordIn(loader, p, "Stock", 0L, "s1", "Z-9", "top")));
      assertThat(orphan.getCause()).isInstanceOf(ForeignKeyViolationException.class);
      assertThat(db.query("SELECT shop, bins FROM shop_bins WHERE shop = 'North'").get(0))
          .asList().containsExactly("North", 2L);
      // The view's DAO reads the same rows into its record.
      Record bins = ((List<?>) call(dao(db, "shopBins"), "all")).stream().map(r -> (Record) r)
          .filter(r -> "North".equals(recordValue(r, "shop"))).findFirst().orElseThrow();
      assertEquals(2L, value(bins, "bins"));
      assertEquals(1, call(shops, "delete", north));
      assertThat(db.query("SELECT count(*) FROM stock").get(0)[0]).isEqualTo(0L);
    }
  }

  @Test
  void aKeyToATableWithoutPrimaryKeySaysWhatToChange() throws Exception {
    Path file = Cli.sqliteFile(dir.resolve("depots.db"), "left-out-parent.sql");
    Imported imported = importAndCompile(file, "imported.depots", "DepotsDatabase");
    assertThat(imported.run().out()).contains("[differs] depots: foreign key depots(region) ->"
        + " regions(code)"
        + " refers to regions, which is left out because it has no primary key; the key is left"
        + " out. To open the original file, give regions a primary key");
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> Keystone.open(imported.type(), file));
    assertThat(e.getMessage()).contains("its key [region] refers to regions, which is no table"
        + " of this database: declare regions as an @Entity (it needs a primary key) with that"
        + " key on depots's entity, or drop the key from the file");
  }

  /**
   * Both ways: what the generated database creates in a new file is what {@code file} holds,
   * tables and views alike (opening compares only the compiled side).
   */
  private void assertSameStructure(Path file, KeystoneDatabase db) throws Exception {
    Path fresh = dir.resolve("fresh-" + file.getFileName());
    @SuppressWarnings("unchecked")
    Class<KeystoneDatabase> type = (Class<KeystoneDatabase>) db.getClass().getInterfaces()[0];
    Keystone.open(type, fresh).close();
    assertThat(SchemaDiff.differences(shapes(file), shapes(fresh))).isEmpty();
    assertThat(SchemaDiff.differences(shapes(fresh), shapes(file))).isEmpty();
    assertThat(views(fresh)).isEqualTo(views(file));
  }

  @Test
  void generatedSourcesKeepNamesKeysAndNotes() throws Exception {
    Path file = Cli.sqliteFile(dir.resolve("large.db"), "large.sql", "large-data.sql");
    Cli.run("import", file.toString(), "--package", "imported.large",
        "--out", dir.resolve("src").toString());
    Path pkg = dir.resolve("src/imported/large");
    String items = Files.readString(pkg.resolve("ShipmentItems.java"));
    assertThat(items).contains("table = \"shipment_items\"");
    assertThat(items).contains("primaryKey = {\"shipment_id\", \"order_id\", \"line_no\"}");
    assertThat(items).contains("name = \"fk_shipment_items_line\"");
    assertThat(items).contains("parentColumns = {\"order_id\", \"line_no\"}");
    String payments = Files.readString(pkg.resolve("Payments.java"));
    assertThat(payments).contains("deferred = true");
    String orders = Files.readString(pkg.resolve("Orders.java"));
    assertThat(orders).contains("@Check(\"status IN ('pending', 'paid', 'shipped')\")");
    assertThat(orders).contains("defaultValue = \"'pending'\"");
    assertThat(orders).contains("onDelete = RESTRICT");
    String coupons = Files.readString(pkg.resolve("Coupons.java"));
    assertThat(coupons).contains("checks = \"discount > 0 AND discount < 1\"");
    String db = Files.readString(pkg.resolve("LargeDatabase.java"));
    assertThat(db).contains("views = {OrderTotals.class}");
    assertThat(Files.readString(pkg.resolve("OrderTotals.java")))
        .contains("@DatabaseView(\n    viewName = \"order_totals\"");
    String reviews = Files.readString(pkg.resolve("Reviews.java"));
    assertThat(reviews).contains("partial index idx_reviews_low");
    assertThat(Files.readString(pkg.resolve("ReviewsDao.java")))
        .contains("List<Reviews> findByProductId(long productId)");
  }

  static Map<String, ViewShapes.ViewShape> views(Path file) {
    try (SqliteConnection c = open(file)) {
      Map<String, ViewShapes.ViewShape> views = new HashMap<>();
      ViewShapes.read(c).forEach((name, v) -> views.put(name,
          new ViewShapes.ViewShape(name, v.columns(), v.error(), v.sql())));
      return views;
    }
  }

  private static SqliteConnection open(Path file) {
    return SqliteConnection.open(new SqliteJdbcDriver(), file, false,
        (error, statement) -> new KeystoneException(error.getMessage()));
  }

  /** The file's structure as the engine reads it on open. */
  static Map<String, TableShape> shapes(Path file) {
    try (SqliteConnection c = open(file)) {
      Map<String, TableShape> shapes = new HashMap<>();
      SchemaShapes.read(c).forEach((name, t) -> shapes.put(name,
          new TableShape(t.name(), t.columns(), t.foreignKeys(), new HashMap<>(t.indexes()))));
      return shapes;
    }
  }

  static Object dao(KeystoneDatabase db, String name) throws Exception {
    Method m = db.getClass().getMethod(name);
    m.setAccessible(true);
    return m.invoke(db);
  }

  static Object call(Object target, String name, Object... args) throws Exception {
    for (Class<?> type : target.getClass().getInterfaces()) {
      for (Method m : type.getMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == args.length) {
          return m.invoke(target, args);
        }
      }
    }
    throw new AssertionError("no method " + name);
  }

  static Record record(ClassLoader loader, String simpleName, Object... values) throws Exception {
    return recordIn(loader, "imported.large", simpleName, values);
  }

  static Record recordIn(ClassLoader loader, String pkg, String simpleName, Object... values)
      throws Exception {
    Class<?> type = loader.loadClass(pkg + "." + simpleName);
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    return (Record) type.getDeclaredConstructor(types).newInstance(values);
  }

  private static Object recordValue(Record record, String component) {
    try {
      return value(record, component);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Object value(Record record, String component) throws Exception {
    return record.getClass().getMethod(component).invoke(record);
  }
}
