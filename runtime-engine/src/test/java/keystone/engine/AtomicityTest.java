package keystone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import keystone.engine.fixture.ShopDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicityTest {
  @TempDir Path dir;
  ShopDb db;

  @BeforeEach
  void open() {
    db = Keystone.open(ShopDb.class, dir.resolve("shop.db"));
    db.execute(
        "CREATE TABLE nodes (id INTEGER PRIMARY KEY,"
            + " parent_id INTEGER REFERENCES nodes (id) ON DELETE CASCADE);"
            + " CREATE INDEX idx_nodes_parent_id ON nodes (parent_id)");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long count(String table) {
    return (Long) db.query("SELECT count(*) FROM " + table).get(0)[0];
  }

  /**
   * SQLite's cascade stops at 1000 trigger levels; inside an explicit transaction the failed
   * statement would keep the rows it had already deleted, and COMMIT would store orphans.
   */
  @Test
  void tooDeepCascadeInsideTransactionLeavesEverything() {
    db.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
            + " INSERT INTO nodes (id, parent_id) SELECT i, CASE WHEN i = 1 THEN NULL ELSE i - 1 END"
            + " FROM n");
    db.runInTransaction(
        () -> {
          KeystoneException e =
              assertThrows(KeystoneException.class, () -> db.execute("DELETE FROM nodes WHERE id = 1"));
          assertTrue(e.getMessage().startsWith("The cascade went too deep"), e.getMessage());
          assertTrue(e.getMessage().contains("at most 1000"), e.getMessage());
          assertEquals(3000, count("nodes"));
        });
    assertEquals(3000, count("nodes"));
    assertEquals(List.of(), db.checkForeignKeys());
  }

  @Test
  void shallowCascadeDeletesWholeChain() {
    db.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)"
            + " INSERT INTO nodes (id, parent_id) SELECT i, CASE WHEN i = 1 THEN NULL ELSE i - 1 END"
            + " FROM n");
    assertEquals(1, db.execute("DELETE FROM nodes WHERE id = 1"));
    assertEquals(0, count("nodes"));
  }

  @Test
  void batchWithOneOrphanLeavesNothing() {
    db.insertUser(1, "ada");
    assertThrows(
        ForeignKeyViolationException.class,
        () ->
            db.runInTransaction(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    db.insertOrder(i, i == 50 ? 999 : 1);
                  }
                }));
    assertEquals(0, count("orders"));
  }

  @Test
  void nestedTransactionRollsBackOnlyInner() {
    db.runInTransaction(
        () -> {
          db.insertUser(1, "ada");
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  db.runInTransaction(
                      () -> {
                        db.insertUser(2, "bob");
                        throw new IllegalArgumentException("inner");
                      }));
          db.insertUser(3, "cy");
        });
    assertEquals(List.of(1L, 3L), ids());
  }

  private List<Long> ids() {
    List<Long> ids = new ArrayList<>();
    for (Object[] row : db.query("SELECT id FROM users ORDER BY id")) {
      ids.add((Long) row[0]);
    }
    return ids;
  }

  @Test
  void threadsSerializeTheirTransactions() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int base = t * 1000;
        done.add(
            pool.submit(
                () ->
                    db.runInTransaction(
                        () -> {
                          for (int i = 0; i < 250; i++) {
                            db.insertUser(base + i, "u");
                            db.insertOrder(base + i, base + i);
                          }
                        })));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1000, count("users"));
    assertEquals(1000, count("orders"));
  }

  @Test
  void deferPragmaInsideMultiStatementStringIsOneTransaction() {
    db.execute(
        "PRAGMA defer_foreign_keys = ON;"
            + " INSERT INTO orders (id, user_id) VALUES (1, 7);"
            + " INSERT INTO users (id, name) VALUES (7, 'g')");
    assertEquals(1, count("orders"));
    assertThrows(
        ForeignKeyViolationException.class,
        () ->
            db.execute(
                "PRAGMA defer_foreign_keys = ON; INSERT INTO orders (id, user_id) VALUES (2, 8)"));
    assertEquals(1, count("orders"));
  }

  @Test
  void uniqueAndNotNullAreTyped() {
    db.insertUser(1, "ada");
    UniqueViolationException u =
        assertThrows(UniqueViolationException.class, () -> db.insertUser(1, "again"));
    assertEquals("users", u.table());
    assertEquals(List.of("id"), u.columns());
    NotNullViolationException n =
        assertThrows(
            NotNullViolationException.class,
            () -> db.execute("INSERT INTO users (id, name) VALUES (2, NULL)"));
    assertEquals(List.of("name"), n.columns());
  }
}
