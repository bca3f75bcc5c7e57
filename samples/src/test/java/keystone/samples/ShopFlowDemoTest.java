package keystone.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.samples.shopflow.Order;
import keystone.samples.shopflow.Product;
import keystone.samples.shopflow.ShopDatabase;
import keystone.samples.shopflow.UserWithOrders;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs the demo's steps on a fresh file and checks what each one left behind. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class ShopFlowDemoTest {
  @Parameter TestEngine engine;
  @TempDir Path dir;

  @Test
  void everyStepDoesWhatItNarrates() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ShopDatabase db = engine.open(ShopDatabase.class, dir)) {
      ShopFlowDemo demo = new ShopFlowDemo(db, out);

      demo.seed();
      assertEquals(2, db.users().count());
      assertEquals(2, db.orders().summaries().size());
      assertEquals(2, db.orders().itemsOf(1).size());

      List<UserWithOrders> graph = demo.loadGraph();
      assertEquals(2, graph.size());
      Order first = db.orders().ordersOf(1).get(0);
      assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("order 1 (pending, ref "
          + first.reference() + ", placed " + first.placedAt() + "): Keyboard x1"));
      assertEquals(Optional.of(first), db.orders().byReference(first.reference()));
      assertEquals(Optional.of(db.orders().ordersOf(2).get(0).placedAt()),
          db.orders().lastPlacedAt());
      assertEquals(2, graph.get(0).orders().get(0).items().size());

      ForeignKeyViolationException restrict = demo.restrictKeepsUserWithOrders();
      assertNotNull(restrict, "RESTRICT must refuse to delete a user with orders");
      assertEquals(
          "FOREIGN KEY constraint failed: update or delete on table \"users\" violates foreign key"
              + " constraint \"fk_orders_user_id\" on table \"orders\": key (id)=(1) is still"
              + " referenced from table \"orders\"",
          restrict.getMessage());
      assertEquals(2, db.users().count());

      demo.cascadeRemovesOrderItems();
      assertEquals(List.of(), db.orders().itemsOf(1));
      assertEquals(List.of(List.of(3L)), column(db, "SELECT product_id FROM order_items"));

      demo.setNullUncategorizesProducts();
      List<Long> uncategorized =
          db.catalog().uncategorized().stream().map(Product::getId).toList();
      assertEquals(List.of(2L, 3L), uncategorized);
      assertEquals(3, db.catalog().productsByIds(List.of(1L, 2L, 3L)).size());

      ForeignKeyViolationException orphan = demo.orphanInsertRefused();
      assertNotNull(orphan, "an order for a missing user must be refused");
      assertEquals(
          List.of(
              new ForeignKeyViolation(
                  "fk_orders_user_id",
                  "orders",
                  List.of("user_id"),
                  "users",
                  List.of("id"),
                  List.of(999L),
                  ForeignKeyViolation.Kind.MISSING_PARENT)),
          orphan.violations());
      assertEquals(List.of(List.of(2L)), column(db, "SELECT id FROM orders"));

      demo.deferredImport();
      assertEquals("Linus", db.users().findById(3).orElseThrow().name());
      assertEquals(1, db.orders().itemsOf(10).size());
      assertEquals(List.of(), db.checkForeignKeys());

      ForeignKeyViolationException rolledBack = demo.deferredImportWithOrphan();
      assertNotNull(rolledBack, "the commit must fail on the orphan order");
      assertTrue(
          rolledBack.getMessage().startsWith("FOREIGN KEY constraint failed: "),
          rolledBack.getMessage());
      assertTrue(
          rolledBack.violations().stream()
              .anyMatch(v -> v.constraint().equals("fk_orders_user_id")
                  && v.key().equals(List.of(77L))),
          rolledBack.violations().toString());
      assertEquals(List.of(List.of(2L), List.of(10L)), column(db, "SELECT id FROM orders"));
      assertEquals(List.of(), db.orders().itemsOf(11));
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    long lines = text.lines().count();
    assertTrue(lines < 100, "the demo should stay short, printed " + lines + " lines:\n" + text);
    assertTrue(text.contains("preview: blocked by [fk_orders_user_id]"), text);
    assertTrue(text.contains("preview: deletes {order_items=2, orders=1}"), text);
    // The delete names orders only; order_items changed through ON DELETE CASCADE.
    assertTrue(text.contains("observer of order_items: 3 rows, then 1"), text);
  }

  private static List<List<Object>> column(ShopDatabase db, String sql) {
    return db.query(sql).stream().map(List::of).toList();
  }
}
