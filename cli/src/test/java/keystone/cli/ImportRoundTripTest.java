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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import keystone.engine.KeystoneDatabase;
import keystone.engine.KeystoneException;
import keystone.engine.schema.SchemaDiff;
import keystone.engine.sqlite.schema.SchemaShapes;
import keystone.engine.schema.TableShape;
import keystone.engine.sqlite.SqliteConnection;
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
    assertThat(run.out()).contains("view order_totals is not expressible");
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
    Cli.Run run = Cli.run("import", source.toString(), "--package", pkg,
        "--out", dir.resolve("src").toString(), "--database", database);
    assertEquals(0, run.exit(), run.err());
    assertThat(run.out()).doesNotContain("[differs]");
    ClassLoader loader = GeneratedCode.compile(dir.resolve("src"), dir.resolve("classes"));
    @SuppressWarnings("unchecked")
    Class<KeystoneDatabase> type =
        (Class<KeystoneDatabase>) loader.loadClass(pkg + "." + database);
    return Keystone.open(type, file);
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
  void shopFlowDdlInSqliteListsWhatDiffersAndOpeningSaysSo() throws Exception {
    Path file = Cli.sqliteFile(dir.resolve("shopflow.db"), "shopflow-seed003.sql");
    Cli.Run run = Cli.run("import", file.toString(), "--package", "imported.shop",
        "--out", dir.resolve("src").toString(), "--database", "ShopDatabase");
    assertEquals(0, run.exit(), run.err());
    assertThat(run.out()).contains("[differs] users: id: declared SERIAL (NUMERIC affinity);"
        + " Keystone declares INTEGER for long");
    assertThat(run.out()).contains("[differs] order_items: UNIQUE (order_id, product_id) is a"
        + " table constraint in the source");
    ClassLoader loader = GeneratedCode.compile(dir.resolve("src"), dir.resolve("classes"));
    @SuppressWarnings("unchecked")
    Class<KeystoneDatabase> type =
        (Class<KeystoneDatabase>) loader.loadClass("imported.shop.ShopDatabase");
    keystone.engine.KeystoneException e =
        assertThrows(keystone.engine.KeystoneException.class, () -> Keystone.open(type, file));
    assertThat(e.getMessage()).contains("do not have the compiled structure");
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
    assertThat(db).contains("view order_totals is not expressible");
    String reviews = Files.readString(pkg.resolve("Reviews.java"));
    assertThat(reviews).contains("partial index idx_reviews_low");
    assertThat(Files.readString(pkg.resolve("ReviewsDao.java")))
        .contains("List<Reviews> findByProductId(long productId)");
  }

  /** The file's structure as the engine reads it on open. */
  static Map<String, TableShape> shapes(Path file) {
    try (SqliteConnection c = SqliteConnection.open(new keystone.engine.sqlite.jdbc.SqliteJdbcDriver(), file, false,
        (error, statement) -> new KeystoneException(error.getMessage()))) {
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

  static Object value(Record record, String component) throws Exception {
    return record.getClass().getMethod(component).invoke(record);
  }
}
