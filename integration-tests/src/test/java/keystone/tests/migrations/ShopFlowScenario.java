package keystone.tests.migrations;

import static keystone.tests.Db.count;
import static keystone.tests.Db.missingParent;
import static keystone.tests.Db.row;
import static keystone.tests.Db.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneDatabase;

/**
 * ShopFlow's migration scenario, the same on SQLite and on PostgreSQL: version 1 filled with the
 * demo rows, taken to version 3 by the generated migrations (1 -> 2 adds {@code users.nickname}
 * and the {@code wishlist} table; 2 -> 3 makes deleting a user delete their orders). The SQL here
 * is portable, so both engines' tests assert the very same outcome.
 */
final class ShopFlowScenario {
  private ShopFlowScenario() {}

  /** ShopFlow's demo data, written as plain SQL into a version-1 (or 2) database. */
  static final String DEMO_ROWS = String.join(";\n",
      "INSERT INTO users (id, name, email) VALUES (1, 'Ada', 'ada@example.com'),"
          + " (2, 'Grace', 'grace@example.com')",
      "INSERT INTO user_profiles (user_id, bio) VALUES (1, 'engines'), (2, 'compilers')",
      "INSERT INTO categories (id, name, slug) VALUES (1, 'Books', 'books'),"
          + " (2, 'Tools', 'tools')",
      "INSERT INTO products (id, name, price_cents, category_id) VALUES (1, 'Notes', 1200, 1),"
          + " (2, 'Slide rule', 4500, 2), (3, 'Loom card', 300, NULL)",
      "INSERT INTO orders (id, user_id, status) VALUES (1, 1, 'paid'), (2, 1, 'pending'),"
          + " (3, 2, 'pending')",
      "INSERT INTO order_items (id, order_id, product_id, quantity, price_at_purchase_cents)"
          + " VALUES (1, 1, 1, 2, 1200), (2, 1, 2, 1, 4500), (3, 2, 3, 5, 300),"
          + " (4, 3, 1, 1, 1200)");

  static final Map<String, Long> ROWS = Map.of("users", 2L, "user_profiles", 2L,
      "categories", 2L, "products", 3L, "orders", 3L, "order_items", 4L);

  /**
   * Every row kept, the new column and table there, the keys of version 3 enforced, and deleting
   * Ada now takes her orders, their items and her wishlist along.
   */
  static void assertMigratedToThree(KeystoneDatabase db) {
    ROWS.forEach((table, n) -> assertEquals(n, count(db, table), table));
    assertEquals(List.of(row(1L, 1L, 2L, 1200L), row(2L, 1L, 1L, 4500L)),
        rows(db, "SELECT id, order_id, quantity, price_at_purchase_cents FROM order_items"
            + " WHERE order_id = 1 ORDER BY id"),
        "the CASCADE children of the changed orders are intact");
    assertEquals(List.of(row((Object) null)), rows(db, "SELECT nickname FROM users WHERE id = 1"));
    db.execute("INSERT INTO wishlist (id, user_id, product_id) VALUES (1, 1, 2)");
    assertEquals(List.of(), db.checkForeignKeys());
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> db.execute("INSERT INTO orders (id, user_id) VALUES (9, 404)"));
    assertEquals(List.of(missingParent("fk_orders_user_id", "orders", List.of("user_id"),
        "users", List.of("id"), 404L)), e.violations());
    db.execute("DELETE FROM users WHERE id = 1");
    assertEquals(1, count(db, "orders"));
    assertEquals(1, count(db, "order_items"));
    assertEquals(0, count(db, "wishlist"));
    assertEquals(1, count(db, "user_profiles"));
  }
}
