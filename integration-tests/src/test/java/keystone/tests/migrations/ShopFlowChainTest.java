package keystone.tests.migrations;

import static keystone.tests.Db.row;
import static keystone.tests.Db.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import keystone.engine.KeystoneException;
import keystone.engine.Migration;
import keystone.engine.MigrationException;
import keystone.testing.RawDatabase;
import keystone.testing.SqlitePlatform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy of a ShopFlow file at version 1 taken to version 3 by the generated migrations:
 * {@code users.nickname} and {@code wishlist} added in place, then {@code orders} rebuilt under
 * its CASCADE children to change ON DELETE ({@link ShopFlowScenario}, which
 * {@link ShopFlowChainPostgresTest} runs on PostgreSQL). The original file is left as it was.
 */
class ShopFlowChainTest {
  @TempDir Path dir;
  Path original;
  Path copy;

  @BeforeEach
  void shopFlowFile() throws Exception {
    try (RawDatabase v1 = Exports.helper(dir).createDatabase(ShopFlow.class, 1)) {
      v1.execute(ShopFlowScenario.DEMO_ROWS);
      original = v1.path();
    }
    copy = dir.resolve("copy.db");
    Files.copy(original, copy);
  }

  @Test
  void chainOneTwoThreeKeepsEveryRowAndChangesOnDelete() {
    try (ShopFlow db = SqlitePlatform.installed().builder(ShopFlow.class, copy).build()) {
      assertEquals(List.of(row(3L)), rows(db, "PRAGMA user_version"));
      ShopFlowScenario.assertMigratedToThree(db);
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
        () -> SqlitePlatform.installed().builder(ShopFlow.class, copy).migrations(naive)
            .build());
    assertTrue(e.getMessage().contains("table order_items lost 4 of its 4 rows"), e.getMessage());
    try (RawDatabase file = RawDatabase.open(copy)) {
      assertEquals(1L, file.query("PRAGMA user_version").get(0)[0]);
      assertEquals(4L, file.query("SELECT count(*) FROM order_items").get(0)[0]);
    }
  }
}
