package keystone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import keystone.engine.fixture.ShopDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpeningTest {
  @TempDir Path dir;

  private Path fileWithOneUser() {
    Path file = dir.resolve("shop.db");
    try (ShopDb db = Keystone.open(ShopDb.class, file)) {
      db.insertUser(1, "ada");
    }
    return file;
  }

  /** Writes behind Keystone's back, the way another tool with enforcement off would. */
  private static void plainJdbc(Path file, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA foreign_keys = OFF");
      // sqlite-jdbc runs only the first statement of a string.
      for (String statement : sql.split(";")) {
        st.execute(statement);
      }
    }
  }

  @Test
  void fileWithOrphansOpensAndListsThem() throws Exception {
    Path file = fileWithOneUser();
    plainJdbc(file, "INSERT INTO orders (id, user_id) VALUES (7, 42)");
    try (ShopDb db = Keystone.open(ShopDb.class, file)) {
      List<ForeignKeyViolation> found = db.checkForeignKeys();
      assertEquals(1, found.size());
      assertEquals("fk_orders_user_id", found.get(0).constraint());
      assertEquals(List.of(42L), found.get(0).key());
      assertEquals(ForeignKeyViolation.Kind.MISSING_PARENT, found.get(0).kind());
    }
  }

  @Test
  void verifyOnOpenRefusesFileWithOrphans() throws Exception {
    Path file = fileWithOneUser();
    plainJdbc(file, "INSERT INTO orders (id, user_id) VALUES (7, 42)");
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class,
            () -> Keystone.builder(ShopDb.class).path(file).verifyOnOpen(true).build());
    assertEquals(List.of(42L), e.violations().get(0).key());
  }

  @Test
  void fileWithDifferentSchemaIsRefusedUntouched() throws Exception {
    Path file = fileWithOneUser();
    plainJdbc(file, "ALTER TABLE users ADD COLUMN nickname TEXT");
    byte[] before = Files.readAllBytes(file);
    KeystoneException e =
        assertThrows(KeystoneException.class, () -> Keystone.open(ShopDb.class, file));
    assertTrue(e.getMessage().contains("table users has columns"), e.getMessage());
    assertTrue(e.getMessage().contains("nickname"), e.getMessage());
    org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void fileWithChangedForeignKeyActionIsRefused() throws Exception {
    Path file = fileWithOneUser();
    plainJdbc(
        file,
        "DROP TABLE items; CREATE TABLE items (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL"
            + " REFERENCES orders (id) ON DELETE SET NULL); CREATE INDEX idx_items_order_id ON"
            + " items (order_id)");
    KeystoneException e =
        assertThrows(KeystoneException.class, () -> Keystone.open(ShopDb.class, file));
    assertTrue(e.getMessage().contains("table items has foreign keys"), e.getMessage());
  }

  @Test
  void newerFileIsRefused() throws Exception {
    Path file = fileWithOneUser();
    plainJdbc(file, "PRAGMA user_version = 7");
    KeystoneException e =
        assertThrows(KeystoneException.class, () -> Keystone.open(ShopDb.class, file));
    assertTrue(e.getMessage().contains("newer"), e.getMessage());
  }

  @Test
  void foreignFileIsRefused() throws Exception {
    Path file = dir.resolve("other.db");
    plainJdbc(file, "CREATE TABLE stuff (x)");
    KeystoneException e =
        assertThrows(KeystoneException.class, () -> Keystone.open(ShopDb.class, file));
    assertTrue(e.getMessage().contains("no Keystone schema version"), e.getMessage());
  }

  /**
   * A file made elsewhere with exactly the compiled structure (here: the same DDL run by plain
   * JDBC, one type spelt VARCHAR(40) instead of TEXT) is adopted: its version is recorded and its
   * rows are kept. This is how a schema read by {@code keystone import} opens.
   */
  @Test
  void unversionedFileWithTheCompiledStructureIsAdopted() throws Exception {
    Path made = dir.resolve("made.db");
    Keystone.open(ShopDb.class, made).close();
    StringBuilder ddl = new StringBuilder();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + made);
        Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery(
            "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid")) {
      while (rs.next()) {
        ddl.append(rs.getString(1).replace("name TEXT NOT NULL", "name VARCHAR(40) NOT NULL"))
            .append(';');
      }
    }
    assertTrue(ddl.toString().contains("VARCHAR(40)"), ddl.toString());
    Path file = dir.resolve("elsewhere.db");
    plainJdbc(file, ddl + "INSERT INTO users (id, name) VALUES (1, 'ada')");
    try (ShopDb db = Keystone.open(ShopDb.class, file)) {
      assertEquals(1L, db.query("SELECT count(*) FROM users").get(0)[0]);
      assertEquals(1L, db.query("PRAGMA user_version").get(0)[0]);
    }
    plainJdbc(file, "PRAGMA user_version = 0; ALTER TABLE users ADD COLUMN extra TEXT");
    KeystoneException e =
        assertThrows(KeystoneException.class, () -> Keystone.open(ShopDb.class, file));
    assertTrue(e.getMessage().contains("do not have the compiled structure"), e.getMessage());
    assertTrue(e.getMessage().contains("table users has columns"), e.getMessage());
  }

  @Test
  void readersSeeCommittedDataWhileWriterHoldsTransaction() throws Exception {
    Path file = fileWithOneUser();
    try (ShopDb db = Keystone.builder(ShopDb.class).path(file).readers(2).build()) {
      CountDownLatch written = new CountDownLatch(1);
      CountDownLatch read = new CountDownLatch(1);
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<?> writer =
            pool.submit(
                () ->
                    db.runInTransaction(
                        () -> {
                          db.insertUser(2, "bob");
                          written.countDown();
                          await(read);
                        }));
        written.await();
        // The writer thread holds its transaction open; this thread reads through a reader.
        assertEquals(1L, db.query("SELECT count(*) FROM users").get(0)[0]);
        assertEquals(1L, db.query("PRAGMA query_only").get(0)[0]);
        read.countDown();
        writer.get();
      } finally {
        pool.shutdown();
      }
      assertEquals(2L, db.query("SELECT count(*) FROM users").get(0)[0]);
    }
  }

  @Test
  void readsInsideTransactionSeeOwnWrites() throws Exception {
    try (ShopDb db = Keystone.builder(ShopDb.class).path(fileWithOneUser()).readers(2).build()) {
      db.runInTransaction(
          () -> {
            db.insertUser(2, "bob");
            assertEquals(2L, db.query("SELECT count(*) FROM users").get(0)[0]);
            assertEquals(0L, db.query("PRAGMA query_only").get(0)[0]);
          });
    }
  }

  /**
   * The writer keeps its savepoints' journal in memory (README, "Where SQLite keeps temporary
   * files"); readers keep SQLite's default, so a large sort on a reader still spills to disk.
   */
  @Test
  void writerKeepsTemporaryFilesInMemoryAndReadersKeepTheDefault() throws Exception {
    try (ShopDb db = Keystone.builder(ShopDb.class).path(fileWithOneUser()).readers(2).build()) {
      db.runInTransaction(() -> assertEquals(2L, db.query("PRAGMA temp_store").get(0)[0]));
      assertEquals(0L, db.query("PRAGMA temp_store").get(0)[0]);
    }
  }

  @Test
  void waitingForTheWriterTimesOutWithAClearError() throws Exception {
    try (ShopDb db =
        Keystone.builder(ShopDb.class)
            .path(fileWithOneUser())
            .acquireTimeout(java.time.Duration.ofMillis(200))
            .build()) {
      CountDownLatch holding = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Thread holder =
          new Thread(() -> db.runInTransaction(() -> {
            holding.countDown();
            await(release);
          }));
      holder.start();
      holding.await();
      long start = System.nanoTime();
      KeystoneException e = assertThrows(KeystoneException.class, () -> db.insertUser(5, "x"));
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(e.getMessage().contains("did not become free within 200 ms"), e.getMessage());
      // It did wait: a timed wait never ends before its timeout. No upper bound, which would
      // measure the machine rather than Keystone; a wait without end would hang the build.
      assertTrue(waitedMillis >= 190, "waited " + waitedMillis);
      // Reads do not wait for the writer.
      assertEquals(1L, db.query("SELECT count(*) FROM users").get(0)[0]);
      release.countDown();
      holder.join();
    }
  }

  @Test
  void snapshotReadsIgnoreCommitsMadeMeanwhile() throws Exception {
    try (ShopDb db = Keystone.builder(ShopDb.class).path(fileWithOneUser()).readers(2).build()) {
      long[] counts =
          db.countUsersTwice(
              () -> {
                Thread writer = new Thread(() -> db.insertUser(2, "bob"));
                writer.start();
                try {
                  writer.join();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      assertEquals(1L, counts[0]);
      assertEquals(1L, counts[1]);
      assertEquals(2L, db.query("SELECT count(*) FROM users").get(0)[0]);
    }
  }

  @Test
  void traceSeesEveryStatementOfACall() throws Exception {
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (ShopDb db =
        Keystone.builder(ShopDb.class).path(fileWithOneUser()).traceSql(seen::add).build()) {
      db.insertUser(2, "bob");
      db.countUsersTwice(() -> {});
    }
    assertEquals(
        List.of(
            "INSERT INTO users (id, name) VALUES (?, ?)",
            "SELECT count(*) FROM users",
            "SELECT count(*) FROM users"),
        seen);
  }

  @Test
  void everyConnectionEnforces() throws Exception {
    try (ShopDb db = Keystone.builder(ShopDb.class).path(fileWithOneUser()).readers(3).build()) {
      for (int i = 0; i < 6; i++) {
        assertEquals(1L, db.query("PRAGMA foreign_keys").get(0)[0]);
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
