package keystone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import keystone.engine.fixture.ShopDb;
import keystone.engine.fixture.ShopDbSql;
import keystone.engine.fixture.ShopDbV2;
import keystone.engine.fixture.ShopDbV3;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {
  @TempDir Path dir;
  Path file;

  /** A version-1 file: two users, orders with items (CASCADE children of orders), notes, likes. */
  @BeforeEach
  void versionOne() {
    file = dir.resolve("shop.db");
    try (ShopDb db = Keystone.open(ShopDb.class, file)) {
      db.insertUser(1, "ada");
      db.insertUser(2, "bob");
      db.insertOrder(10, 1);
      db.insertOrder(11, 2);
      db.execute("INSERT INTO items (id, order_id) VALUES (100, 10), (101, 10), (110, 11)");
      db.execute("INSERT INTO notes (id, user_id) VALUES (1, 1)");
      db.execute("INSERT INTO likes (id, user_id) VALUES (1, 1), (2, 2)");
    }
  }

  private static long count(KeystoneDatabase db, String table) {
    return (Long) db.query("SELECT count(*) FROM " + table).get(0)[0];
  }

  private long fileVersion() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      return rs.getLong(1);
    }
  }

  /**
   * A file whose pages disagree is not migrated over: the index of reviews (a table the
   * migration never reads) is damaged on disk, and the integrity check before the commit refuses
   * the migration, leaving the file at version 1.
   */
  @Test
  void aDamagedPageFailsTheIntegrityCheckAndTheMigrationIsRefused() throws Exception {
    try (ShopDb db = Keystone.open(ShopDb.class, file)) {
      db.insertUser(7, "gil");
      db.execute("INSERT INTO reviews (id, user_id) VALUES (20, 7), (21, 7)");
    }
    damageFirstIndexEntry("idx_reviews_user_id", 7, 8);
    MigrationException e = assertThrows(MigrationException.class,
        () -> Keystone.builder(ShopDbV2.class).path(file).migrations(ShopDbV2.fromV1()).build());
    assertTrue(e.getMessage().contains("stays at version 1: PRAGMA integrity_check says: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("idx_reviews_user_id"), e.getMessage());
    assertEquals(1, fileVersion());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet columns = st.executeQuery("SELECT count(*) FROM pragma_table_info('users')"
            + " WHERE name = 'email'")) {
      assertEquals(0, columns.getInt(1), "the migration's ALTER TABLE was rolled back");
    }
  }

  /**
   * Rewrites the indexed value of the first entry on the index's root page, a leaf here (the
   * record format is https://www.sqlite.org/fileformat2.html#record_format): the table still
   * reads, but the index no longer matches it.
   */
  private void damageFirstIndexEntry(String index, int value, int damaged) throws Exception {
    long root;
    int pageSize;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      try (ResultSet rs = st.executeQuery("PRAGMA page_size")) {
        pageSize = rs.getInt(1);
      }
      try (ResultSet rs = st.executeQuery(
          "SELECT rootpage FROM sqlite_master WHERE name = '" + index + "'")) {
        root = rs.getLong(1);
      }
    }
    try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      long page = (root - 1) * pageSize;
      raf.seek(page);
      assertEquals(0x0A, raf.readUnsignedByte(), "a leaf index page");
      raf.seek(page + 8);
      int cell = raf.readUnsignedShort();
      // payload size, header size 3, serial type 1 (the value), serial type 1 (the rowid)
      raf.seek(page + cell + 4);
      assertEquals(value, raf.readUnsignedByte());
      raf.seek(page + cell + 4);
      raf.writeByte(damaged);
    }
  }

  @Test
  void rebuildsChangeKeysAndKeepEveryRow() throws Exception {
    try (ShopDbV2 db =
        Keystone.builder(ShopDbV2.class).path(file).migrations(ShopDbV2.fromV1()).build()) {
      assertEquals(3, count(db, "items"), "CASCADE children of the rebuilt orders are intact");
      assertEquals(2, count(db, "orders"));
      assertEquals(2, count(db, "likes"));
      assertEquals(List.of(), db.checkForeignKeys());
      assertEquals(1L, db.query("PRAGMA foreign_keys").get(0)[0]);
      // The new actions are in force: deleting ada cascades through orders into items.
      db.execute("DELETE FROM users WHERE id = 1");
      assertEquals(1, count(db, "orders"));
      assertEquals(1, count(db, "items"));
      assertEquals(0, count(db, "notes"));
      assertEquals(1, count(db, "likes"));
    }
    assertEquals(2, fileVersion());
  }

  /**
   * SQLite's rename at the end of a rebuild re-parses every view, and one over the rebuilt table
   * stops it ("error in view ...: no such table"); the rebuild drops and re-creates the views.
   */
  @Test
  void rebuildKeepsTheViewsOverTheRebuiltTable() throws Exception {
    try (ShopDb db = Keystone.open(ShopDb.class, file)) {
      db.execute("CREATE VIEW orders_per_user AS SELECT user_id, count(*) AS n FROM orders"
          + " GROUP BY user_id");
      db.execute("CREATE VIEW busy_users AS SELECT user_id FROM orders_per_user WHERE n > 0");
    }
    try (ShopDbV2 db =
        Keystone.builder(ShopDbV2.class).path(file).migrations(ShopDbV2.fromV1()).build()) {
      assertEquals(2, count(db, "orders"));
      assertEquals(List.of(1L, 2L),
          db.query("SELECT user_id FROM busy_users ORDER BY user_id").stream()
              .map(r -> r[0]).toList());
      assertEquals("CREATE VIEW orders_per_user AS SELECT user_id, count(*) AS n FROM orders"
          + " GROUP BY user_id", db.query(
              "SELECT sql FROM sqlite_schema WHERE name = 'orders_per_user'").get(0)[0]);
    }
    assertEquals(2, fileVersion());
  }

  @Test
  void viewThatNoLongerPreparesAfterARebuildFailsTheMigration() throws Exception {
    try (ShopDb db = Keystone.open(ShopDb.class, file)) {
      db.execute("CREATE VIEW liked AS SELECT user_id FROM likes");
    }
    Migration dropsTheColumn = Migration.schema(1, 2,
        SchemaStep.rebuild("likes", "CREATE TABLE likes (id INTEGER PRIMARY KEY)"));
    MigrationException e = assertThrows(MigrationException.class,
        () -> Keystone.builder(ShopDbV2.class).path(file).migrations(dropsTheColumn).build());
    assertTrue(e.getMessage().contains("View liked no longer works after table likes was"
        + " rebuilt"), e.getMessage());
    assertEquals(1, fileVersion());
  }

  @Test
  void addingAForeignKeyOverOrphansRollsBackAndListsThem() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("INSERT INTO likes (id, user_id) VALUES (3, 404), (4, 405)");
    }
    MigrationException e =
        assertThrows(
            MigrationException.class,
            () -> Keystone.builder(ShopDbV2.class).path(file).migrations(ShopDbV2.fromV1()).build());
    assertEquals(2, e.violations().size());
    assertEquals("fk_likes_user_id", e.violations().get(0).constraint());
    assertEquals(List.of(404L), e.violations().get(0).key());
    assertEquals(1, e.from());
    assertEquals(1, fileVersion());
    try (ShopDb db = Keystone.open(ShopDb.class, file)) {
      assertEquals(4, count(db, "likes"));
      assertEquals(1L, db.query("PRAGMA foreign_keys").get(0)[0]);
      // The rebuild was rolled back with the rest: likes still has no key.
      assertEquals(0L, db.query("SELECT count(*) FROM pragma_foreign_key_list('likes')").get(0)[0]);
    }
  }

  @Test
  void chainOfSchemaAndJavaMigrations() throws Exception {
    try (ShopDbV3 db =
        Keystone.builder(ShopDbV3.class)
            .path(file)
            .migrations(ShopDbV2.fromV1(), ShopDbV3.fromV2())
            .build()) {
      assertEquals(2, count(db, "profiles"));
      assertEquals("none", db.query("SELECT avatar FROM profiles WHERE user_id = 1").get(0)[0]);
    }
    assertEquals(3, fileVersion());
  }

  @Test
  void sqlFileMigrationInD1Style() throws Exception {
    try (ShopDbSql db = Keystone.open(ShopDbSql.class, file)) {
      assertEquals(2, count(db, "badges"));
    }
    assertEquals(2, fileVersion());
  }

  /** D1's documented migration ends by switching deferral off, which makes SQLite forget orphans. */
  @Test
  void deferOffWithOrphansOutstandingFailsTheMigration() throws Exception {
    String sql =
        "PRAGMA defer_foreign_keys = on;\n"
            + ShopDbV2.PROFILES + ";\n"
            + "INSERT INTO profiles (user_id, bio) VALUES (77, 'orphan');\n"
            + "PRAGMA defer_foreign_keys = off;";
    Migration d1Style =
        Migration.ofSqlFile(2, 3, sql.replace(ShopDbV2.PROFILES, "SELECT 1"), "0003_d1.sql");
    try (ShopDbV2 db =
        Keystone.builder(ShopDbV2.class).path(file).migrations(ShopDbV2.fromV1()).build()) {
      db.execute("DELETE FROM profiles");
    }
    MigrationException e =
        assertThrows(
            MigrationException.class,
            () -> Keystone.builder(ShopDbV3.class).path(file).migrations(d1Style).build());
    assertEquals("fk_profiles_user_id", e.violations().get(0).constraint());
    assertEquals(List.of(77L), e.violations().get(0).key());
    assertEquals(2, fileVersion());
  }

  @Test
  void droppingAParentIsRefusedAsRowLoss() throws Exception {
    Migration dropOrders =
        Migration.of(
            1,
            2,
            db -> {
              db.execute("DROP TABLE orders");
              db.execute(ShopDbV2.ORDERS);
              db.execute("CREATE INDEX idx_orders_user_id ON orders (user_id)");
            });
    MigrationException e =
        assertThrows(
            MigrationException.class,
            () -> Keystone.builder(ShopDbV2.class).path(file).migrations(dropOrders).build());
    assertTrue(e.getMessage().contains("table items lost 3 of its 3 rows"), e.getMessage());
    assertEquals(1, fileVersion());
    try (ShopDb db = Keystone.open(ShopDb.class, file)) {
      assertEquals(3, count(db, "items"));
    }
  }

  @Test
  void migrationThatLeavesAnOrphanIsRolledBack() throws Exception {
    Migration orphan =
        Migration.of(2, 3, db -> db.execute("INSERT INTO profiles (user_id, bio) VALUES (99, 'x')"));
    try (ShopDbV2 db =
        Keystone.builder(ShopDbV2.class).path(file).migrations(ShopDbV2.fromV1()).build()) {
      assertEquals(2, count(db, "users"));
    }
    MigrationException e =
        assertThrows(
            MigrationException.class,
            () ->
                Keystone.builder(ShopDbV3.class)
                    .path(file)
                    .migrations(
                        Migration.of(
                            2,
                            3,
                            db -> {
                              db.execute("ALTER TABLE profiles ADD COLUMN avatar TEXT");
                              orphan.body().migrate(db);
                            }))
                    .build());
    assertEquals("fk_profiles_user_id", e.violations().get(0).constraint());
    assertEquals(2, fileVersion());
  }

  @Test
  void schemaThatEndsDifferentIsRolledBack() throws Exception {
    Migration incomplete = Migration.of(1, 2, db -> db.execute(ShopDbV2.PROFILES));
    MigrationException e =
        assertThrows(
            MigrationException.class,
            () -> Keystone.builder(ShopDbV2.class).path(file).migrations(incomplete).build());
    assertTrue(e.getMessage().contains("does not match the compiled version 2"), e.getMessage());
    assertTrue(e.getMessage().contains("table users has columns"), e.getMessage());
    assertEquals(1, fileVersion());
  }

  @Test
  void noPathIsRefusedUntouched() throws Exception {
    KeystoneException e =
        assertThrows(KeystoneException.class, () -> Keystone.open(ShopDbV3.class, file));
    assertTrue(e.getMessage().contains("no migration leads on from version 1"), e.getMessage());
    assertEquals(1, fileVersion());
  }

  @Test
  void declaredRowLossIsAllowed() throws Exception {
    Migration cleanup =
        Migration.schema(
                1,
                2,
                SchemaStep.sql(ShopDbV2.PROFILES),
                SchemaStep.sql("ALTER TABLE users ADD COLUMN email TEXT"),
                SchemaStep.rebuild("orders", ShopDbV2.ORDERS),
                SchemaStep.rebuild("notes", ShopDbV2.NOTES),
                SchemaStep.sql("DELETE FROM likes WHERE user_id = 2"),
                SchemaStep.rebuild("likes", ShopDbV2.LIKES, ShopDbV2.LIKES_INDEX));
    try (ShopDbV2 db = Keystone.builder(ShopDbV2.class).path(file).migrations(cleanup).build()) {
      assertEquals(1, count(db, "likes"));
    }
  }
}
