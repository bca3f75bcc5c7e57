package keystone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.ForeignKeyViolation.Kind;
import keystone.engine.fixture.ShopDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every path a foreign-key failure can take names the exact constraint, key and kind. */
class DiagnosisTest {
  @TempDir Path dir;
  ShopDb db;

  @BeforeEach
  void open() {
    db = Keystone.open(ShopDb.class, dir.resolve("shop.db"));
    db.insertUser(1, "ada");
    db.insertOrder(10, 1);
    db.execute("INSERT INTO items (id, order_id) VALUES (100, 10), (101, 10)");
    db.execute("INSERT INTO shipments (id, item_id) VALUES (1000, 101)");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long count(String table) {
    return (Long) db.query("SELECT count(*) FROM " + table).get(0)[0];
  }

  private static ForeignKeyViolation only(ForeignKeyViolationException e) {
    assertEquals(1, e.violations().size(), e.violations().toString());
    return e.violations().get(0);
  }

  @Test
  void cascadeEndingInRestrictNamesTheKeyThatBlocked() {
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> db.deleteOrder(10));
    ForeignKeyViolation v = only(e);
    assertEquals("fk_shipments_item_id", v.constraint());
    assertEquals("shipments", v.childTable());
    assertEquals("items", v.parentTable());
    assertEquals(List.of(101L), v.key());
    assertEquals(Kind.STILL_REFERENCED, v.kind());
    assertEquals(2, count("items"));
    assertEquals(1, count("orders"));
  }

  @Test
  void restrictOnUpdateThroughRawSql() {
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class,
            () -> db.execute("UPDATE items SET id = 555 WHERE id = 101"));
    ForeignKeyViolation v = only(e);
    assertEquals("fk_shipments_item_id", v.constraint());
    assertEquals(List.of(101L), v.key());
    assertEquals(Kind.STILL_REFERENCED, v.kind());
  }

  @Test
  void updateThatKeepsTheKeyIsNotRestricted() {
    assertEquals(1, db.execute("UPDATE items SET id = 101, qty = 3 WHERE id = 101"));
  }

  @Test
  void noActionUpdateOfParentKey() {
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class,
            () -> db.execute("UPDATE orders SET id = 11 WHERE id = 10"));
    ForeignKeyViolation v = e.violations().get(0);
    assertEquals("fk_items_order_id", v.constraint());
    assertEquals(List.of(10L), v.key());
    assertEquals(Kind.STILL_REFERENCED, v.kind());
    assertEquals(2, e.violations().size());
  }

  @Test
  void orphanThroughRawUpdateIsMissingParent() {
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class,
            () -> db.execute("UPDATE orders SET user_id = 77 WHERE id = 10"));
    ForeignKeyViolation v = only(e);
    assertEquals("fk_orders_user_id", v.constraint());
    assertEquals(List.of(77L), v.key());
    assertEquals(Kind.MISSING_PARENT, v.kind());
  }

  @Test
  void deferredKeyFailsAtImplicitCommit() {
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class,
            () -> db.execute("INSERT INTO reviews (id, user_id) VALUES (1, 404)"));
    ForeignKeyViolation v = only(e);
    assertEquals("fk_reviews_user_id", v.constraint());
    assertEquals(List.of(404L), v.key());
    assertEquals(Kind.MISSING_PARENT, v.kind());
    assertEquals(0, count("reviews"));
  }

  @Test
  void deferredKeyWaitsForExplicitCommit() {
    db.runInTransaction(
        () -> {
          db.execute("INSERT INTO reviews (id, user_id) VALUES (1, 2)");
          db.insertUser(2, "bob");
        });
    assertEquals(1, count("reviews"));
  }

  @Test
  void commitListsEveryOutstandingViolationAndKeepsNothing() {
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class,
            () ->
                db.runInTransaction(
                    () -> {
                      db.deferForeignKeys();
                      db.insertOrder(20, 5);
                      db.insertOrder(21, 6);
                      db.execute("INSERT INTO reviews (id, user_id) VALUES (1, 7)");
                      db.insertUser(2, "bob");
                    }));
    assertEquals(3, e.violations().size());
    assertEquals(1, count("orders"));
    assertEquals(1, count("users"));
    assertEquals(0, count("reviews"));
  }

  @Test
  void deletedParentAtCommitIsStillReferenced() {
    db.insertUser(3, "cy");
    db.execute("INSERT INTO notes (id, user_id) VALUES (1, 3)");
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class,
            () ->
                db.runInTransaction(
                    () -> {
                      db.deferForeignKeys();
                      db.deleteUser(3);
                    }));
    ForeignKeyViolation v = only(e);
    assertEquals("fk_notes_user_id", v.constraint());
    assertEquals(Kind.STILL_REFERENCED, v.kind());
    assertEquals(2, count("users"));
  }

  @Test
  void deferAgainAfterFixingIsAllowed() {
    db.runInTransaction(
        () -> {
          db.deferForeignKeys();
          db.insertOrder(20, 5);
          db.insertUser(5, "eve");
          db.deferForeignKeys();
          db.insertOrder(21, 6);
          db.insertUser(6, "fay");
        });
    assertEquals(3, count("orders"));
  }

  /** With defer_foreign_keys on, SQLite would postpone RESTRICT to the commit. */
  @Test
  void restrictStaysImmediateWhileKeysAreDeferred() {
    db.runInTransaction(
        () -> {
          db.deferForeignKeys();
          ForeignKeyViolationException e =
              assertThrows(ForeignKeyViolationException.class, () -> db.deleteUser(1));
          ForeignKeyViolation v = only(e);
          assertEquals("fk_orders_user_id", v.constraint());
          assertEquals(List.of(1L), v.key());
          assertEquals(Kind.STILL_REFERENCED, v.kind());
          assertEquals(1, count("users"));
          ForeignKeyViolationException cascaded =
              assertThrows(ForeignKeyViolationException.class, () -> db.deleteOrder(10));
          assertEquals("fk_shipments_item_id", only(cascaded).constraint());
          assertEquals(List.of(101L), only(cascaded).key());
          db.insertOrder(11, 9);
          db.insertUser(9, "ivy");
        });
    assertEquals(2, count("orders"));
    // The guard is gone with the transaction: an unrelated delete of a parent works.
    db.execute("DELETE FROM shipments");
    assertEquals(1, db.deleteOrder(10));
  }

  @Test
  void restrictGuardSurvivesRolledBackSavepoint() {
    db.runInTransaction(
        () -> {
          assertThrows(
              IllegalStateException.class,
              () ->
                  db.runInTransaction(
                      () -> {
                        db.deferForeignKeys();
                        throw new IllegalStateException("undo the inner part");
                      }));
          assertThrows(ForeignKeyViolationException.class, () -> db.deleteUser(1));
        });
    assertEquals(1, count("users"));
  }

  @Test
  void statementWorksAgainAfterCascadeTooDeep() {
    db.execute(
        "CREATE TABLE nodes (id INTEGER PRIMARY KEY,"
            + " parent_id INTEGER REFERENCES nodes (id) ON DELETE CASCADE);"
            + " CREATE INDEX idx_nodes_parent_id ON nodes (parent_id);"
            + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)"
            + " INSERT INTO nodes (id, parent_id) SELECT i, CASE WHEN i = 1 THEN NULL ELSE i - 1 END"
            + " FROM n");
    assertThrows(KeystoneException.class, () -> db.execute("DELETE FROM nodes WHERE id = ?", 1));
    assertEquals(1, db.execute("DELETE FROM nodes WHERE id = ?", 1000));
    assertEquals(999, count("nodes"));
  }

  @Test
  void batchInsertsEveryRowOrNone() {
    assertEquals(3, db.insertOrders(1, 20, 21, 22));
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> db.insertOrders(404, 30, 31));
    assertEquals(2, e.violations().size());
    assertEquals(List.of(404L), e.violations().get(0).key());
    assertEquals(Kind.MISSING_PARENT, e.violations().get(0).kind());
    assertEquals(4, count("orders"));
    assertThrows(UniqueViolationException.class, () -> db.insertOrders(1, 40, 41, 20));
    assertEquals(4, count("orders"));
  }

  /**
   * A plain DELETE on a table whose only children are RESTRICT: the blocked row is read with the
   * statement's own WHERE and bindings, not by re-running it with probe triggers. Among the rows
   * the WHERE matched, only the referenced one is named.
   */
  @Test
  void restrictOnAPlainDeleteNamesTheReferencedRowAmongThoseMatched() {
    db.execute("INSERT INTO items (id, order_id) VALUES (99, 10), (102, 10)");
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class,
            () -> db.execute("DELETE FROM items WHERE id >= ? AND qty = ?", 99, 1));
    ForeignKeyViolation v = only(e);
    assertEquals("fk_shipments_item_id", v.constraint());
    assertEquals("shipments", v.childTable());
    assertEquals("items", v.parentTable());
    assertEquals(List.of(101L), v.key());
    assertEquals(Kind.STILL_REFERENCED, v.kind());
    assertEquals(4, count("items"));
    ForeignKeyViolationException whole =
        assertThrows(ForeignKeyViolationException.class, () -> db.execute("DELETE FROM items"));
    assertEquals(List.of(101L), only(whole).key());
    assertEquals(4, count("items"));
  }

  @Test
  void batchDeleteBlockedByRestrictNamesTheRow() {
    db.insertUser(2, "bob");
    db.insertUser(3, "cy");
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> db.deleteUsers(2, 3, 1));
    ForeignKeyViolation v = only(e);
    assertEquals("fk_orders_user_id", v.constraint());
    assertEquals(List.of(1L), v.key());
    assertEquals(3, count("users"));
    assertEquals(2, db.deleteUsers(2, 3));
  }

  @Test
  void checkViolationNamesExpressionAndTable() {
    CheckViolationException e =
        assertThrows(
            CheckViolationException.class,
            () -> db.execute("INSERT INTO items (id, order_id, qty) VALUES (5, 10, 0)"));
    assertEquals("items", e.table());
    assertEquals("qty > 0", e.constraint());
    assertEquals(2, count("items"));
  }

  /**
   * The diagnosis of a DELETE checks only the tables the delete can reach: the one it writes, the
   * tables that reference it, and on through each key whose action writes them. Here the key that
   * breaks is two levels down, behind a cascade, so a check of the deleted table's direct
   * children alone would miss it.
   */
  @Test
  void deleteNamesAKeyBrokenBehindACascade() {
    db.execute("CREATE TABLE a (id INTEGER PRIMARY KEY)");
    db.execute("CREATE TABLE b (id INTEGER PRIMARY KEY,"
        + " a_id INTEGER REFERENCES a (id) ON DELETE CASCADE)");
    db.execute("CREATE TABLE c (id INTEGER PRIMARY KEY,"
        + " b_id INTEGER REFERENCES b (id))");
    db.execute("INSERT INTO a (id) VALUES (1), (2)");
    db.execute("INSERT INTO b (id, a_id) VALUES (20, 1), (21, 2)");
    db.execute("INSERT INTO c (id, b_id) VALUES (30, 20)");
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class, () -> db.execute("DELETE FROM a WHERE id = 1"));
    ForeignKeyViolation v = only(e);
    // SQLite keeps no name for a key of raw DDL: the catalog names it by its table and columns.
    assertEquals("fk_c_b_id", v.constraint());
    assertEquals("c", v.childTable());
    assertEquals("b", v.parentTable());
    assertEquals(List.of(20L), v.key());
    assertEquals(Kind.STILL_REFERENCED, v.kind());
    assertEquals(2, count("a"));
    assertEquals(2, count("b"));
  }
}
