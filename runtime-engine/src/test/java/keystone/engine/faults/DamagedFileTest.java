package keystone.engine.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import keystone.engine.DatabaseCorruptException;
import keystone.engine.Keystone;
import keystone.engine.KeystoneException;
import keystone.engine.fixture.ShopDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leaf page of the users table overwritten with garbage (found with dbstat), and a file that
 * is not a database at all.
 */
class DamagedFileTest {
  private static final int USERS = 400;

  @TempDir Path dir;

  /** A file with 400 users (several pages) and one order each, cleanly closed. */
  private Path filledFile() {
    Path file = dir.resolve("shop.db");
    try (ShopDb db = Keystone.open(ShopDb.class, file)) {
      db.runInTransaction(() -> {
        for (int id = 1; id <= USERS; id++) {
          db.insertUser(id, "user number " + id + " with a name long enough to fill pages");
          db.insertOrder(id, id);
        }
      });
      assertEquals(List.of(), db.checkIntegrity());
    }
    return file;
  }

  /** Overwrites the middle leaf page of {@code table}'s b-tree; returns its number. */
  private static long damage(Path file, String table) throws Exception {
    long page;
    long pageSize;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT pageno FROM dbstat WHERE name = '" + table
          + "' AND pagetype = 'leaf' ORDER BY pageno")) {
        List<Long> leaves = new java.util.ArrayList<>();
        while (rs.next()) {
          leaves.add(rs.getLong(1));
        }
        assertTrue(leaves.size() > 2, "users should span several leaves: " + leaves);
        page = leaves.get(leaves.size() / 2);
      }
      try (ResultSet rs = st.executeQuery("PRAGMA page_size")) {
        pageSize = rs.getLong(1);
      }
    }
    assertFalse(Files.exists(Path.of(file + "-wal")) && Files.size(Path.of(file + "-wal")) > 0,
        "every page must be in the main file before it is damaged");
    byte[] garbage = new byte[(int) pageSize];
    new Random(18).nextBytes(garbage);
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.seek((page - 1) * pageSize);
      raw.write(garbage);
    }
    return page;
  }

  @Test
  void verifyOnOpenRefusesADamagedFileWithWhatQuickCheckFound() throws Exception {
    Path file = filledFile();
    long page = damage(file, "users");
    byte[] before = Files.readAllBytes(file);
    DatabaseCorruptException e = assertThrows(DatabaseCorruptException.class,
        () -> Keystone.builder(ShopDb.class).path(file).verifyOnOpen(true).build());
    assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("quick_check found"), e.getMessage());
    assertFalse(e.problems().isEmpty());
    assertTrue(String.join("\n", e.problems()).contains("page " + page),
        e.problems()::toString);
    assertEquals(file, e.file());
    assertArrayEquals(before, Files.readAllBytes(file), "a refused file is left as it was");
  }

  @Test
  void aStatementThatMeetsTheDamageFailsTypedAndTheRestStaysReadable() throws Exception {
    Path file = filledFile();
    damage(file, "users");
    try (ShopDb db = Keystone.open(ShopDb.class, file)) {
      List<String> problems = db.checkIntegrity();
      assertFalse(problems.isEmpty());
      DatabaseCorruptException read = assertThrows(DatabaseCorruptException.class,
          () -> db.query("SELECT count(*), sum(length(name)) FROM users"));
      assertTrue(read.getMessage().contains(file.toAbsolutePath().toString()), read.getMessage());
      assertTrue(read.getMessage().contains("malformed"), read.getMessage());
      // Inside a transaction too, through a DAO write: typed, and nothing of it stays.
      assertThrows(DatabaseCorruptException.class, () -> db.runInTransaction(() -> {
        db.insertOrder(USERS + 1, 1);
        db.query("SELECT sum(length(name)) FROM users");
      }));
      // The undamaged table keeps every committed row, and nothing uncommitted.
      assertEquals((long) USERS, db.query("SELECT count(*) FROM orders").get(0)[0]);
      assertEquals(List.of(), db.query("SELECT id FROM orders WHERE id > " + USERS));
    }
  }

  @Test
  void aSoundFileHasNoProblems() {
    Path file = filledFile();
    try (ShopDb db = Keystone.builder(ShopDb.class).path(file).verifyOnOpen(true).build()) {
      assertEquals(List.of(), db.checkIntegrity());
      assertEquals((long) USERS, db.query("SELECT count(*) FROM users").get(0)[0]);
      assertEquals(List.of(), db.checkForeignKeys());
    }
  }

  @Test
  void aFileThatIsNotADatabaseIsRefusedUntouched() throws Exception {
    Path file = dir.resolve("notes.db");
    byte[] text = ("These are my notes, not a database. ".repeat(200))
        .getBytes(StandardCharsets.UTF_8);
    Files.write(file, text);
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> Keystone.builder(ShopDb.class).path(file).verifyOnOpen(true).build());
    assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("not a database"), e.getMessage());
    assertArrayEquals(text, Files.readAllBytes(file));
  }
}
