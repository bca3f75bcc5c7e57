package keystone.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.KeystoneException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw handle enforces keys as the engine does; the helper's flow is in integration-tests. */
class RawDatabaseTest {
  @TempDir Path dir;

  private RawDatabase shop() {
    RawDatabase db = new RawDatabase(dir.resolve("raw.db"));
    db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY);"
        + " CREATE TABLE orders (id INTEGER PRIMARY KEY,"
        + " user_id INTEGER NOT NULL REFERENCES users (id))");
    return db;
  }

  @Test
  void enforcesForeignKeys() {
    try (RawDatabase db = shop()) {
      assertEquals(1L, db.query("PRAGMA foreign_keys").get(0)[0]);
      assertThrows(KeystoneException.class,
          () -> db.execute("INSERT INTO orders (id, user_id) VALUES (?, ?)", 1, 404));
      assertEquals(0L, db.query("SELECT count(*) FROM orders").get(0)[0]);
    }
  }

  @Test
  void refusesToSwitchEnforcementOff() {
    try (RawDatabase db = shop()) {
      KeystoneException e =
          assertThrows(KeystoneException.class, () -> db.execute("PRAGMA foreign_keys = OFF"));
      assertTrue(e.getMessage().contains("always on"), e.getMessage());
    }
  }

  @Test
  void severalStatementsDeferKeysToTheirEnd() {
    try (RawDatabase db = shop()) {
      assertEquals(2, db.execute("INSERT INTO orders (id, user_id) VALUES (1, 7);"
          + " INSERT INTO users (id) VALUES (7)"));
      assertThrows(KeystoneException.class, () -> db.execute(
          "INSERT INTO orders (id, user_id) VALUES (2, 8); INSERT INTO users (id) VALUES (9)"));
      List<Object[]> rows = db.query("SELECT id FROM users ORDER BY id");
      assertEquals(1, rows.size(), "the failed batch left nothing behind");
    }
  }
}
