package keystone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import keystone.engine.ForeignKeyViolation.Kind;
import keystone.engine.fixture.ShopDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
  @TempDir Path dir;
  ShopDb db;

  @BeforeEach
  void open() {
    db = Keystone.open(ShopDb.class, dir.resolve("shop.db"));
    db.insertUser(1, "ada");
    db.insertOrder(10, 1);
    db.execute("INSERT INTO items (id, order_id) VALUES (100, 10), (101, 10)");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long count(String table) {
    return (Long) db.query("SELECT count(*) FROM " + table).get(0)[0];
  }

  @Test
  void orphanInsertNamesConstraintAndKey() {
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> db.insertOrder(11, 999));
    assertEquals(
        "FOREIGN KEY constraint failed: insert or update on table \"orders\" violates foreign key"
            + " constraint \"fk_orders_user_id\": key (user_id)=(999) is not present in table"
            + " \"users\"",
        e.getMessage());
    ForeignKeyViolation v = e.violations().get(0);
    assertEquals(List.of(999L), v.key());
    assertEquals(Kind.MISSING_PARENT, v.kind());
    assertEquals(1, count("orders"));
  }

  @Test
  void restrictNamesTheBlockedParent() {
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> db.deleteUser(1));
    assertEquals(1, e.violations().size());
    ForeignKeyViolation v = e.violations().get(0);
    assertEquals("fk_orders_user_id", v.constraint());
    assertEquals(Kind.STILL_REFERENCED, v.kind());
    assertEquals(List.of(1L), v.key());
    assertTrue(e.getMessage().endsWith("key (id)=(1) is still referenced from table \"orders\""),
        e.getMessage());
    assertEquals(1, count("users"));
  }

  @Test
  void noActionDeleteIsStillReferenced() {
    db.insertUser(2, "bob");
    db.execute("INSERT INTO notes (id, user_id) VALUES (1, 2)");
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> db.deleteUser(2));
    ForeignKeyViolation v = e.violations().get(0);
    assertEquals("fk_notes_user_id", v.constraint());
    assertEquals(Kind.STILL_REFERENCED, v.kind());
    assertEquals(List.of(2L), v.key());
  }

  @Test
  void cascadeDeletesItems() {
    assertEquals(1, db.deleteOrder(10));
    assertEquals(0, count("items"));
  }

  @Test
  void failedCallInsideTransactionIsUndoneAlone() {
    db.runInTransaction(
        () -> {
          db.insertUser(2, "bob");
          assertThrows(ForeignKeyViolationException.class, () -> db.insertOrder(12, 777));
          db.insertOrder(12, 2);
        });
    assertEquals(2, count("orders"));
    assertEquals(List.of(), db.checkForeignKeys());
  }

  @Test
  void deferredCommitWithOrphanRollsBackEverything() {
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class,
            () ->
                db.runInTransaction(
                    () -> {
                      db.deferForeignKeys();
                      db.insertOrder(20, 5);
                      db.insertOrder(21, 6);
                      db.insertUser(5, "eve");
                    }));
    assertEquals(1, e.violations().size());
    assertEquals(List.of(6L), e.violations().get(0).key());
    assertEquals(1, count("users"));
    assertEquals(1, count("orders"));
  }

  @Test
  void deferredImportCommits() {
    db.runInTransaction(
        () -> {
          db.deferForeignKeys();
          db.insertOrder(20, 5);
          db.insertUser(5, "eve");
        });
    assertEquals(2, count("orders"));
  }

  @Test
  void deferOffWithOrphanOutstandingIsRefused() {
    db.runInTransaction(
        () -> {
          db.execute("PRAGMA defer_foreign_keys = ON");
          db.insertOrder(20, 5);
          assertThrows(
              ForeignKeyViolationException.class,
              () -> db.execute("PRAGMA defer_foreign_keys = OFF"));
          db.insertUser(5, "eve");
          db.execute("PRAGMA defer_foreign_keys = OFF");
        });
    assertEquals(2, count("orders"));
  }

  @Test
  void enforcementOffRefused() {
    for (String sql :
        List.of(
            "PRAGMA foreign_keys = OFF",
            "pragma  FOREIGN_KEYS=0",
            "PRAGMA foreign_keys='false'",
            "INSERT INTO users (id, name) VALUES (9, 'x'); PRAGMA foreign_keys = no",
            "PRAGMA main.foreign_keys = off",
            "PRAGMA writable_schema = 1",
            "PRAGMA ignore_check_constraints = ON",
            "PRAGMA legacy_alter_table=ON")) {
      KeystoneException e = assertThrows(KeystoneException.class, () -> db.execute(sql), sql);
      assertTrue(e.getMessage().contains("always on"), e.getMessage());
      assertTrue(e.getMessage().contains("PRAGMA defer_foreign_keys"), e.getMessage());
    }
    assertEquals(1, count("users"));
    assertEquals(1L, db.query("PRAGMA foreign_keys").get(0)[0]);
  }

  @Test
  void transactionControlRefused() {
    // The guard's own words: SQLite alone would fail a stray COMMIT too, with its own message.
    Map<String, String> refused = Map.of("BEGIN", "BEGIN", "COMMIT", "COMMIT",
        "rollback", "ROLLBACK", "SAVEPOINT x", "SAVEPOINT", "END TRANSACTION", "END");
    refused.forEach((sql, word) -> {
      KeystoneException e = assertThrows(KeystoneException.class, () -> db.execute(sql), sql);
      assertEquals("Transaction control (" + word + ") is refused in raw SQL: Keystone runs every"
          + " call atomically; use db.runInTransaction(...) for a transaction of several calls.",
          e.getMessage());
    });
    assertEquals(1, count("users"));
  }

  @Test
  void attachRefused() {
    KeystoneException e =
        assertThrows(
            KeystoneException.class,
            () -> db.execute("ATTACH DATABASE ? AS other", dir.resolve("other.db").toString()));
    assertTrue(e.getMessage().startsWith("ATTACH is refused"), e.getMessage());
  }

  @Test
  void deferOutsideTransactionThrows() {
    assertThrows(IllegalStateException.class, () -> db.deferForeignKeys());
  }

  @Test
  void walAndEnforcement() {
    assertEquals("wal", db.query("PRAGMA journal_mode").get(0)[0]);
  }

  @Test
  void checkForeignKeysListsDeferredOrphans() {
    db.runInTransaction(
        () -> {
          db.deferForeignKeys();
          db.insertOrder(30, 42);
          List<ForeignKeyViolation> found = db.checkForeignKeys();
          assertEquals(1, found.size());
          assertEquals(List.of(42L), found.get(0).key());
          db.execute("DELETE FROM orders WHERE id = 30");
        });
  }

  @Test
  void closeIsIdempotent() {
    db.close();
    db.close();
    assertThrows(KeystoneException.class, () -> db.insertUser(3, "x"));
  }
}
