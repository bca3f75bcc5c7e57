package keystone.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import keystone.ForeignKey.Action;
import keystone.engine.spi.ForeignKeyInfo;
import org.junit.jupiter.api.Test;

/**
 * Which tables' keys a refused write is diagnosed from: orders reference users with CASCADE,
 * items reference orders with NO ACTION, notes reference users with NO ACTION, and tags (unrelated)
 * reference labels.
 */
class WrittenTablesTest {
  private static final List<ForeignKeyInfo> KEYS = List.of(
      key("orders", "users", Action.CASCADE),
      key("items", "orders", Action.NO_ACTION),
      key("notes", "users", Action.NO_ACTION),
      key("tags", "labels", Action.NO_ACTION));

  @Test
  void anInsertCanBreakOnlyTheKeysOfTheTableItWrites() {
    assertEquals(List.of("items"),
        WrittenTables.of("INSERT INTO items (id, order_id) VALUES (?, ?), (?, ?)", KEYS));
    assertEquals(List.of("items"),
        WrittenTables.of("insert or ignore into \"items\" values (?)", KEYS));
    assertEquals(List.of(KEYS.get(1)), WrittenTables.keysOf(List.of("items"), KEYS));
  }

  @Test
  void aDeleteReachesTheTablesThatReferenceItAndThroughActionsTheirs() {
    assertEquals(List.of("users", "orders", "notes", "items"),
        WrittenTables.of("DELETE FROM users WHERE id = ?", KEYS));
    // NO ACTION from items: the delete stops there, items' referencing tables are not reached.
    assertEquals(List.of("orders", "items"),
        WrittenTables.of("UPDATE public.orders SET id = ? WHERE id = ?", KEYS));
  }

  @Test
  void writesThatMayReachAnyTableCheckEveryKey() {
    assertNull(WrittenTables.of("INSERT OR REPLACE INTO items VALUES (?, ?)", KEYS));
    assertNull(WrittenTables.of(
        "INSERT INTO items (id, order_id) VALUES (?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET order_id = 1",
        KEYS));
    assertNull(WrittenTables.of("WITH x AS (SELECT 1) DELETE FROM users", KEYS));
    assertNull(WrittenTables.of("SELECT 1", KEYS));
  }

  private static ForeignKeyInfo key(String child, String parent, Action onDelete) {
    return new ForeignKeyInfo("fk_" + child + "_" + parent + "_id", child,
        List.of(parent + "_id"), parent, List.of("id"), onDelete, Action.NO_ACTION, false);
  }
}
