package keystone.engine.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import keystone.engine.CheckViolationException;
import keystone.engine.DeletePlan;
import keystone.engine.ForeignKeyViolation.Kind;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import keystone.engine.KeystoneException;
import keystone.engine.Migration;
import keystone.engine.MigrationException;
import keystone.engine.NotNullViolationException;
import keystone.engine.UniqueViolationException;
import keystone.engine.fixture.PgShopDb;
import keystone.engine.fixture.PgShopDbSqliteOnly;
import keystone.engine.fixture.PgShopDbV2;
import keystone.engine.fixture.ShopDb;
import keystone.engine.guard.SqlGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine on a real PostgreSQL server, started by the build on loopback. */
class PostgresEngineTest extends OnEmbeddedPostgres {
  PgShopDb db;

  @BeforeEach
  void open() throws Exception {
    db = Keystone.builder(PgShopDb.class).postgres(emptyDatabase()).build();
    db.insertUser(1, "ada");
    db.insertOrder(10, 1);
    db.execute("INSERT INTO items (id, order_id) VALUES (100, 10), (101, 10)");
    db.execute("INSERT INTO shipments (id, item_id) VALUES (1000, 101)");
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }


  private List<Long> ids(String table) {
    List<Long> ids = new ArrayList<>();
    for (Object[] row : db.query("SELECT id FROM " + table + " ORDER BY id")) {
      ids.add((Long) row[0]);
    }
    return ids;
  }

  private long count(String table) {
    return (Long) db.query("SELECT count(*) FROM " + table).get(0)[0];
  }

  private static ForeignKeyViolation only(ForeignKeyViolationException e) {
    assertEquals(1, e.violations().size(), e.violations().toString());
    return e.violations().get(0);
  }

  @Test
  void orphanInsertSaysWhatSqliteSays() {
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> db.insertOrder(11, 999));
    assertEquals(
        "FOREIGN KEY constraint failed: insert or update on table \"orders\" violates foreign key"
            + " constraint \"fk_orders_user_id\": key (user_id)=(999) is not present in table"
            + " \"users\"",
        e.getMessage());
    assertEquals(List.of(999L), only(e).key());
    assertEquals(1, count("orders"));
  }

  @Test
  void restrictAndCascadeIntoRestrict() {
    ForeignKeyViolation user =
        only(assertThrows(ForeignKeyViolationException.class, () -> db.deleteUser(1)));
    assertEquals("fk_orders_user_id", user.constraint());
    assertEquals(Kind.STILL_REFERENCED, user.kind());
    assertEquals(List.of(1L), user.key());
    ForeignKeyViolation order =
        only(assertThrows(ForeignKeyViolationException.class, () -> db.deleteOrder(10)));
    assertEquals("fk_shipments_item_id", order.constraint());
    assertEquals(List.of(101L), order.key());
    assertEquals(2, count("items"));
  }

  @Test
  void failedCallInsideTransactionIsUndoneAloneAndTheTransactionGoesOn() {
    db.runInTransaction(
        () -> {
          db.insertUser(2, "bob");
          assertThrows(ForeignKeyViolationException.class, () -> db.insertOrder(12, 777));
          db.insertOrder(12, 2);
        });
    assertEquals(2, count("orders"));
  }

  /**
   * The first statement of a transaction takes no savepoint (the transaction holds nothing yet):
   * its failure, a write's or a read's, rolls the empty transaction back, the write named as
   * fully as elsewhere, and the transaction goes on and commits the rest; a failure after a
   * successful first statement still undoes that call alone.
   */
  @Test
  void aFailedFirstStatementOfATransactionIsUndoneAloneAndTheTransactionGoesOn() {
    db.runInTransaction(
        () -> {
          ForeignKeyViolationException orphan =
              assertThrows(ForeignKeyViolationException.class, () -> db.insertOrder(12, 777));
          assertEquals("fk_orders_user_id", only(orphan).constraint());
          assertEquals(List.of(777L), only(orphan).key());
          db.insertUser(2, "bob");
          db.insertOrder(12, 2);
        });
    assertEquals(List.of(1L, 2L), ids("users"));
    assertEquals(List.of(10L, 12L), ids("orders"));
    db.runInTransaction(
        () -> {
          KeystoneException read = assertThrows(KeystoneException.class, () -> db.quotient(0));
          assertTrue(read.getMessage().contains("division by zero"), read.getMessage());
          db.insertUser(3, "cy");
          assertThrows(ForeignKeyViolationException.class, () -> db.insertOrder(13, 777));
          db.insertOrder(13, 3);
        });
    assertEquals(List.of(1L, 2L, 3L), ids("users"));
    assertEquals(List.of(10L, 12L, 13L), ids("orders"));
  }

  /**
   * Inside a transaction every call's savepoint goes out with its statement (PgAutosave): a
   * failed write, a failed batch and a failed read are each undone alone, and the transaction
   * goes on.
   */
  @Test
  void pipelinedSavepointsUndoEachFailedCallAloneAndTheTransactionGoesOn() {
    db.runInTransaction(
        () -> {
          db.insertUser(2, "bob");
          assertThrows(ForeignKeyViolationException.class, () -> db.insertOrder(12, 777));
          assertThrows(UniqueViolationException.class, () -> db.insertOrders(2, 30, 31, 10));
          KeystoneException read = assertThrows(KeystoneException.class, () -> db.quotient(0));
          assertTrue(read.getMessage().contains("division by zero"), read.getMessage());
          assertEquals(50, db.quotient(2));
          db.insertOrder(12, 2);
          assertEquals(2, db.insertOrders(2, 40, 41));
        });
    assertEquals(2, count("users"));
    assertEquals(List.of(10L, 12L, 40L, 41L), ids("orders"));
  }

  @Test
  void thePoolReleasesPgjdbcsSavepointsAndAPoolThatDoesNotIsSeen() throws Exception {
    String url = url();
    try (com.zaxxer.hikari.HikariDataSource pool =
            PgPool.open(url, 2, java.time.Duration.ofSeconds(5));
        Connection c = pool.getConnection();
        Statement st = c.createStatement()) {
      assertTrue(PgAutosave.probe(c));
      // A failed statement and a good one, each in its savepoint: none is left behind.
      c.setAutoCommit(false);
      org.postgresql.PGConnection pg = c.unwrap(org.postgresql.PGConnection.class);
      java.sql.SQLException failed = assertThrows(java.sql.SQLException.class,
          () -> PgAutosave.run(pg, c, () -> st.execute("SELECT 1 / 0")));
      assertEquals("22012", failed.getSQLState());
      assertTrue(PgAutosave.run(pg, c, () -> st.execute("SELECT 1")));
      java.sql.SQLException none = assertThrows(java.sql.SQLException.class,
          () -> st.execute("RELEASE SAVEPOINT PGJDBC_AUTOSAVE"));
      assertEquals("3B001", none.getSQLState(), none.getMessage());
      c.rollback();
      c.setAutoCommit(true);
    }
    try (Connection c = java.sql.DriverManager.getConnection(url + "&cleanupSavepoints=false")) {
      assertFalse(PgAutosave.probe(c));
    }
  }

  @Test
  void deferredCommitListsEveryViolationAndKeepsNothing() {
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
                      db.insertOrder(22, 7);
                    }));
    assertEquals(2, e.violations().size());
    assertEquals(1, count("orders"));
    assertEquals(1, count("users"));
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
  void restrictIsNeverDeferredOnPostgres() {
    db.runInTransaction(
        () -> {
          db.deferForeignKeys();
          assertThrows(ForeignKeyViolationException.class, () -> db.deleteUser(1));
        });
    assertEquals(1, count("users"));
  }

  @Test
  void enforcementOffIsRefused() {
    // The guard's own words: PostgreSQL alone would fail PRAGMA as a syntax error and accept the
    // rest, so a test that took any KeystoneException would pass without the guard.
    String replica = String.format(SqlGuard.ENFORCEMENT_ALWAYS_ON, "SET session_replication_role")
        + " On PostgreSQL that is SET CONSTRAINTS ALL DEFERRED, for keys declared DEFERRABLE.";
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("SET session_replication_role = replica", replica);
    refused.put("set SESSION session_replication_role TO 'replica'", replica);
    refused.put("ALTER TABLE orders DISABLE TRIGGER ALL",
        String.format(SqlGuard.ENFORCEMENT_ALWAYS_ON, "ALTER TABLE ... DISABLE TRIGGER")
            + " On PostgreSQL that is SET CONSTRAINTS ALL DEFERRED, for keys declared DEFERRABLE.");
    refused.put("PRAGMA foreign_keys = OFF",
        String.format(SqlGuard.ENFORCEMENT_ALWAYS_ON, "PRAGMA foreign_keys = OFF"));
    refused.put("PRAGMA user_version = 3",
        "PRAGMA is SQLite's; PostgreSQL has none: PRAGMA user_version = 3");
    for (String word : List.of("BEGIN", "START")) {
      refused.put(word.equals("BEGIN") ? "BEGIN" : "START TRANSACTION",
          "Transaction control (" + word + ") is refused in raw SQL: Keystone runs every call"
              + " atomically; use db.runInTransaction(...) for a transaction of several calls.");
    }
    refused.forEach((sql, message) -> {
      KeystoneException e = assertThrows(KeystoneException.class, () -> db.execute(sql), sql);
      assertEquals(message, e.getMessage(), sql);
    });
    assertEquals(1, count("orders"));
  }

  @Test
  void setConstraintsAndPragmaBothDefer() {
    db.runInTransaction(
        () -> {
          db.execute("SET CONSTRAINTS ALL DEFERRED");
          db.insertOrder(30, 8);
          assertEquals(1, db.checkForeignKeys().size());
          assertThrows(
              ForeignKeyViolationException.class, () -> db.execute("SET CONSTRAINTS ALL IMMEDIATE"));
          db.insertUser(8, "hal");
          db.execute("PRAGMA defer_foreign_keys = ON");
        });
    assertEquals(2, count("orders"));
  }

  /** SQLite accepts empty lists; the generated SQL for an empty collection writes them. */
  @Test
  void emptyInListsMeanWhatTheyMeanInSqlite() {
    db.execute("INSERT INTO notes (id, user_id) VALUES (1, NULL), (2, 1)");
    assertEquals(0L, db.query("SELECT count(*) FROM notes WHERE id IN ()").get(0)[0]);
    assertEquals(2L, db.query("SELECT count(*) FROM notes WHERE id NOT IN ()").get(0)[0]);
    assertEquals(2L, db.query("SELECT count(*) FROM notes WHERE user_id NOT IN ( )").get(0)[0]);
  }

  @Test
  void typedConstraintErrors() {
    UniqueViolationException u =
        assertThrows(UniqueViolationException.class, () -> db.insertUser(1, "again"));
    assertEquals("users", u.table());
    assertEquals(List.of("id"), u.columns());
    NotNullViolationException n =
        assertThrows(
            NotNullViolationException.class,
            () -> db.execute("INSERT INTO users (id, name) VALUES (2, NULL)"));
    assertEquals(List.of("name"), n.columns());
    CheckViolationException c =
        assertThrows(
            CheckViolationException.class,
            () -> db.execute("INSERT INTO items (id, order_id, qty) VALUES (5, 10, 0)"));
    assertEquals("items", c.table());
  }

  @Test
  void batchWithAnOrphanLeavesNothing() {
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> db.insertOrders(404, 50, 51));
    assertEquals(List.of(404L), e.violations().get(0).key());
    assertThrows(UniqueViolationException.class, () -> db.insertOrders(1, 40, 41, 10));
    assertEquals(1, count("orders"));
    assertEquals(2, db.insertOrders(1, 60, 61));
  }

  @Test
  void previewAgreesWithTheDelete() {
    db.execute("DELETE FROM shipments");
    db.execute("INSERT INTO reviews (id, user_id) VALUES (1, 1)");
    DeletePlan blocked = db.previewDelete(ShopDb.User.class, 1L);
    assertEquals("fk_orders_user_id", blocked.blockedBy().get(0).constraint());
    DeletePlan order = db.previewDelete("DELETE FROM orders WHERE id = ?", 10L);
    assertEquals(Map.of("orders", 1, "items", 2), order.deleted());
    assertTrue(order.allowed());
    assertEquals(2, count("items"));
    db.deleteOrder(10);
    assertEquals(0, count("items"));
    DeletePlan user = db.previewDelete(ShopDb.User.class, 1L);
    assertEquals(Map.of("users", 1, "reviews", 1), user.deleted());
  }

  /** Seed 003's recipe: NOT VALID, then VALIDATE; orphans roll the version back and drop the key. */
  @Test
  void addingAKeyToAFilledTableValidatesSeparately() throws Exception {
    db.execute("INSERT INTO likes (id, user_id) VALUES (1, 1), (2, 404)");
    db.close();
    String url = url();
    MigrationException e =
        assertThrows(
            MigrationException.class,
            () ->
                Keystone.builder(PgShopDbV2.class)
                    .postgres(url)
                    .migrations(PgShopDbV2.fromV1())
                    .build());
    assertEquals("fk_likes_user_id", e.violations().get(0).constraint());
    assertEquals(List.of(404L), e.violations().get(0).key());
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      var version = st.executeQuery("SELECT version FROM keystone_schema");
      version.next();
      assertEquals(1, version.getInt(1));
      var key = st.executeQuery("SELECT count(*) FROM pg_constraint WHERE conname = 'fk_likes_user_id'");
      key.next();
      assertEquals(0, key.getInt(1));
      st.execute("DELETE FROM likes WHERE id = 2");
    }
    try (PgShopDbV2 v2 =
        Keystone.builder(PgShopDbV2.class).postgres(url).migrations(PgShopDbV2.fromV1()).build()) {
      assertThrows(
          ForeignKeyViolationException.class,
          () -> v2.execute("INSERT INTO likes (id, user_id) VALUES (3, 405)"));
      assertEquals(
          List.of(true),
          v2.query("SELECT convalidated FROM pg_constraint WHERE conname = 'fk_likes_user_id'")
              .stream().map(row -> ((Long) row[0]) == 1L).toList());
    }
    db = null;
  }

  /**
   * Two application instances started together on a version-1 database: one migrates, the other
   * waits and finds version 2, instead of running the migration a second time over the first.
   * The overlap is forced, not hoped for: the second opener starts once the first is inside its
   * migration, and the migration finishes only once the second is seen waiting for the opening
   * lock in pg_locks (or, were there no lock, running the migration itself).
   */
  @Test
  void openersStartedTogetherMigrateOnce() throws Exception {
    db.close();
    db = null;
    String url = url();
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch firstInside = new CountDownLatch(1);
    Migration overlapping = Migration.of(1, 2, m -> {
      if (runs.incrementAndGet() == 1) {
        firstInside.countDown();
        awaitSecondOpener(runs);
      }
      m.execute("ALTER TABLE likes ADD CONSTRAINT fk_likes_user_id FOREIGN KEY (user_id)"
          + " REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION"
          + " DEFERRABLE INITIALLY IMMEDIATE");
      m.execute(PgShopDbV2.LIKES_INDEX);
    });
    Callable<Long> open = () -> {
      try (PgShopDbV2 v2 =
          Keystone.builder(PgShopDbV2.class).postgres(url).migrations(overlapping).build()) {
        return (Long) v2.query("SELECT version FROM keystone_schema").get(0)[0];
      }
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Long> first = pool.submit(open);
      assertTrue(firstInside.await(30, TimeUnit.SECONDS), "the first opener never migrated");
      Future<Long> second = pool.submit(open);
      assertEquals(2L, first.get(30, TimeUnit.SECONDS));
      assertEquals(2L, second.get(30, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, runs.get());
  }

  /** Until another session waits for the opening lock, or a second migration run has begun. */
  private static void awaitSecondOpener(AtomicInteger runs) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      while (runs.get() < 2) {
        var waiting = st.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
            + " AND NOT granted");
        waiting.next();
        if (waiting.getInt(1) > 0) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the second opener never reached the opening lock");
        }
        Thread.onSpinWait();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SQLite's generated rebuild must not run on PostgreSQL; the fix is named, nothing changes. */
  @Test
  void anImplWithoutPostgresMigrationsSaysSoWhenOneIsNeeded() throws Exception {
    db.close();
    db = null;
    String url = url();
    MigrationException e =
        assertThrows(
            MigrationException.class,
            () -> Keystone.builder(PgShopDbSqliteOnly.class).postgres(url).build());
    assertTrue(e.getMessage().contains("no POSTGRES_MIGRATIONS"), e.getMessage());
    assertTrue(e.getMessage().contains("stays at version 1"), e.getMessage());
    try (PgShopDb again = Keystone.builder(PgShopDb.class).postgres(url).build()) {
      assertEquals(1L, again.query("SELECT version FROM keystone_schema").get(0)[0]);
    }
  }

  @Test
  void reopeningChecksTheSchema() throws Exception {
    db.close();
    String url = url();
    try (PgShopDb again = Keystone.builder(PgShopDb.class).postgres(url).build()) {
      assertEquals(1L, again.query("SELECT count(*) FROM users").get(0)[0]);
    }
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("ALTER TABLE notes DROP CONSTRAINT fk_notes_user_id");
    }
    KeystoneException e =
        assertThrows(KeystoneException.class, () -> Keystone.builder(PgShopDb.class).postgres(url).build());
    assertTrue(e.getMessage().contains("foreign key fk_notes_user_id is missing"), e.getMessage());
  }
}
