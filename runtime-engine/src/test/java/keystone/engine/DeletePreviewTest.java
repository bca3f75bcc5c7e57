package keystone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import keystone.engine.fixture.ShopDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A preview changes nothing and agrees with the delete that follows it. */
class DeletePreviewTest {
  @TempDir Path dir;
  ShopDb db;

  @BeforeEach
  void open() {
    db = Keystone.open(ShopDb.class, dir.resolve("shop.db"));
    db.insertUser(1, "ada");
    db.insertUser(2, "bob");
    db.insertOrder(10, 1);
    db.insertOrder(11, 2);
    db.execute("INSERT INTO items (id, order_id) VALUES (100, 10), (101, 10), (110, 11)");
    db.execute("INSERT INTO shipments (id, item_id) VALUES (1000, 101)");
    db.execute("INSERT INTO reviews (id, user_id) VALUES (1, 2), (2, 2)");
    db.execute(
        "CREATE TABLE tags (id INTEGER PRIMARY KEY, user_id INTEGER DEFAULT NULL"
            + " REFERENCES users (id) ON DELETE SET NULL);"
            + "CREATE TABLE pins (id INTEGER PRIMARY KEY, user_id INTEGER DEFAULT 1"
            + " REFERENCES users (id) ON DELETE SET DEFAULT);"
            + "INSERT INTO tags VALUES (1, 2), (2, 2), (3, 1);"
            + "INSERT INTO pins VALUES (1, 2)");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long count(String table) {
    return (Long) db.query("SELECT count(*) FROM " + table).get(0)[0];
  }

  @Test
  void cascadeSetNullAndSetDefaultAreCountedThenHappen() {
    db.execute("DELETE FROM shipments");
    DeletePlan plan = db.previewDelete("DELETE FROM orders WHERE id = ?", 10);
    assertEquals(Map.of("orders", 1, "items", 2), plan.deleted());
    assertTrue(plan.allowed());
    assertEquals(2, count("orders"));
    assertEquals(3, count("items"));

    db.execute("DELETE FROM orders WHERE user_id = 2");
    DeletePlan user = db.previewDelete(ShopDb.User.class, 2L);
    assertEquals(Map.of("users", 1, "reviews", 2), user.deleted());
    assertEquals(Map.of("tags", 2), user.nulled());
    assertEquals(Map.of("pins", 1), user.defaulted());
    assertTrue(user.allowed(), user.blockedBy().toString());

    assertEquals(1, db.execute("DELETE FROM users WHERE id = 2"));
    assertEquals(0, count("reviews"));
    assertEquals(2L, db.query("SELECT count(*) FROM tags WHERE user_id IS NULL").get(0)[0]);
    assertEquals(1L, db.query("SELECT user_id FROM pins").get(0)[0]);
  }

  @Test
  void restrictDownTheCascadeBlocksAndNothingChanges() {
    DeletePlan plan = db.previewDelete("DELETE FROM orders WHERE id = ?", 10);
    assertFalse(plan.allowed());
    assertEquals(1, plan.blockedBy().size(), plan.blockedBy().toString());
    ForeignKeyViolation v = plan.blockedBy().get(0);
    assertEquals("fk_shipments_item_id", v.constraint());
    assertEquals(List.of(101L), v.key());
    assertEquals(ForeignKeyViolation.Kind.STILL_REFERENCED, v.kind());
    assertEquals(3, count("items"));
    ForeignKeyViolationException real =
        assertThrows(ForeignKeyViolationException.class, () -> db.deleteOrder(10));
    assertEquals(v, real.violations().get(0));
  }

  @Test
  void noActionKeyBlocks() {
    db.execute("INSERT INTO notes (id, user_id) VALUES (1, 1)");
    db.execute("DELETE FROM shipments");
    db.execute("DELETE FROM orders WHERE user_id = 1");
    DeletePlan plan = db.previewDelete(ShopDb.User.class, 1L);
    assertEquals(List.of("fk_notes_user_id"),
        plan.blockedBy().stream().map(ForeignKeyViolation::constraint).toList());
    ForeignKeyViolationException real =
        assertThrows(ForeignKeyViolationException.class, () -> db.deleteUser(1));
    assertEquals(plan.blockedBy(), real.violations());
  }

  @Test
  void previewInsideTransactionKeepsItsWrites() {
    db.runInTransaction(
        () -> {
          db.insertUser(3, "cy");
          DeletePlan plan = db.previewDelete(ShopDb.User.class, 3L);
          assertEquals(Map.of("users", 1), plan.deleted());
        });
    assertEquals(3, count("users"));
  }

  @Test
  void previewRejectsWhatIsNotADelete() {
    assertThrows(IllegalArgumentException.class, () -> db.previewDelete("UPDATE users SET name = 'x'"));
    assertThrows(IllegalArgumentException.class, () -> db.previewDelete(String.class, 1));
    assertThrows(IllegalArgumentException.class, () -> db.previewDelete(ShopDb.User.class, 1, 2));
  }
}
