package keystone.tests.migrations;

import keystone.engine.Migration;
import keystone.engine.SchemaStep;

/**
 * ShopFlow's migrations besides the numbered SQL file of 1 -> 2: version 3 changes ON DELETE of
 * {@code orders.user_id}, which rebuilds {@code orders} (the step the processor plans for it).
 */
final class ShopFlowMigrations {
  private ShopFlowMigrations() {}

  static final Migration V2_TO_V3 =
      Migration.schema(2, 3, SchemaStep.rebuild("orders",
          Exports.createTable(ShopFlow.class, 3, "orders"),
          Exports.createIndexes(ShopFlow.class, 3, "orders")));

  /** ShopFlow's demo data, written as plain SQL into a version-1 (or 2) file. */
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
}
