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
import java.util.List;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import keystone.engine.KeystoneDatabase;
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
    assertThat(orders).contains("onDelete = ForeignKey.Action.RESTRICT");
    String coupons = Files.readString(pkg.resolve("Coupons.java"));
    assertThat(coupons).contains("checks = \"discount > 0 AND discount < 1\"");
    String db = Files.readString(pkg.resolve("LargeDatabase.java"));
    assertThat(db).contains("view order_totals is not expressible");
    String reviews = Files.readString(pkg.resolve("Reviews.java"));
    assertThat(reviews).contains("partial index idx_reviews_low");
    assertThat(Files.readString(pkg.resolve("ReviewsDao.java")))
        .contains("List<Reviews> findByProductId(long productId)");
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
    Class<?> type = loader.loadClass("imported.large." + simpleName);
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
