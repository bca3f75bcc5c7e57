package keystone.tests.migrations;

import static keystone.tests.Db.count;
import static keystone.tests.Db.row;
import static keystone.tests.Db.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import keystone.engine.Keystone;
import keystone.engine.KeystoneException;
import keystone.engine.Migration;
import keystone.engine.MigrationException;
import keystone.testing.RawDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy of a ShopFlow file at version 1 taken to version 3: the numbered SQL file
 * {@code 0002_wishlist.sql}, then a schema migration that rebuilds {@code orders} under its
 * CASCADE children to change ON DELETE. The original file is left as it was.
 */
class ShopFlowChainTest {
  private static final Map<String, Long> ROWS = Map.of("users", 2L, "user_profiles", 2L,
      "categories", 2L, "products", 3L, "orders", 3L, "order_items", 4L);

  @TempDir Path dir;
  Path original;
  Path copy;

  @BeforeEach
  void shopFlowFile() throws Exception {
    try (RawDatabase v1 = Exports.helper(dir).createDatabase(ShopFlow.class, 1)) {
      v1.execute(ShopFlowMigrations.DEMO_ROWS);
      original = v1.path();
    }
    copy = dir.resolve("copy.db");
    Files.copy(original, copy);
  }

  @Test
  void chainOneTwoThreeKeepsEveryRowAndChangesOnDelete() {
    try (ShopFlow db = Keystone.builder(ShopFlow.class).path(copy)
        .migrations(ShopFlowMigrations.V2_TO_V3).build()) {
      assertEquals(List.of(row(3L)), rows(db, "PRAGMA user_version"));
      ROWS.forEach((table, n) -> assertEquals(n, count(db, table), table));
      assertEquals(List.of(row(1L, 1L, 2L, 1200L), row(2L, 1L, 1L, 4500L)),
          rows(db, "SELECT id, order_id, quantity, price_at_purchase_cents FROM order_items"
              + " WHERE order_id = 1 ORDER BY id"),
          "the CASCADE children of the rebuilt orders are intact");
      assertEquals(List.of(row((Object) null)),
          rows(db, "SELECT nickname FROM users WHERE id = 1"));
      db.execute("INSERT INTO wishlist (id, user_id, product_id) VALUES (1, 1, 2)");
      assertEquals(List.of(), db.checkForeignKeys());
      // ON DELETE CASCADE now: Ada's orders, their items and her wishlist go with her.
      db.execute("DELETE FROM users WHERE id = 1");
      assertEquals(1, count(db, "orders"));
      assertEquals(1, count(db, "order_items"));
      assertEquals(0, count(db, "wishlist"));
      assertEquals(1, count(db, "user_profiles"));
    }
    try (RawDatabase untouched = RawDatabase.open(original)) {
      assertEquals(1L, untouched.query("PRAGMA user_version").get(0)[0]);
      // Version 1 says RESTRICT: Ada cannot be deleted while she has orders.
      assertThrows(KeystoneException.class,
          () -> untouched.execute("DELETE FROM users WHERE id = ?", 1));
    }
  }

  @Test
  void userMigrationThatDropsAParentIsRefusedAsRowLoss() {
    // The usual hand-written rebuild: under enforcement DROP TABLE orders deletes its rows
    // first, and ON DELETE CASCADE takes order_items along.
    Migration naive = Migration.of(1, 3, db -> {
      db.execute(Exports.createTable(ShopFlow.class, 3, "orders")
          .replace("CREATE TABLE orders (", "CREATE TABLE orders_new ("));
      db.execute("INSERT INTO orders_new SELECT * FROM orders");
      db.execute("DROP TABLE orders");
      db.execute("ALTER TABLE orders_new RENAME TO orders");
    });
    MigrationException e = assertThrows(MigrationException.class,
        () -> Keystone.builder(ShopFlow.class).path(copy).migrations(naive).build());
    assertTrue(e.getMessage().contains("table order_items lost 4 of its 4 rows"), e.getMessage());
    try (RawDatabase file = RawDatabase.open(copy)) {
      assertEquals(1L, file.query("PRAGMA user_version").get(0)[0]);
      assertEquals(4L, file.query("SELECT count(*) FROM order_items").get(0)[0]);
    }
  }
}
