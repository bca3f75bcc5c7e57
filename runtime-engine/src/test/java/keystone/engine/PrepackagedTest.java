package keystone.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import keystone.engine.fixture.ShopDb;
import keystone.engine.fixture.ShopDbV2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code createFrom}: a shipped file is copied on first open only, then checked like any file and
 * for orphans always; a copy that fails is not kept.
 */
class PrepackagedTest {
  @TempDir Path dir;
  Path seed;
  Path file;

  /** A version-1 seed made by Keystone: two users, an order each. */
  @BeforeEach
  void seed() {
    seed = dir.resolve("seed.db");
    file = dir.resolve("app/shop.db");
    try (ShopDb db = Keystone.open(ShopDb.class, seed)) {
      db.insertUser(1, "ada");
      db.insertUser(2, "bob");
      db.insertOrder(10, 1);
      db.insertOrder(11, 2);
    }
  }

  private static long count(KeystoneDatabase db, String table) {
    return (Long) db.query("SELECT count(*) FROM " + table).get(0)[0];
  }

  /** Runs SQL on the seed with foreign keys off, as a tool that made the file might have. */
  private void spoilSeed(String... sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + seed);
        Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  @Test
  void copiedOnFirstOpenOnlyAndTheSeedIsLeftAlone() throws Exception {
    byte[] before = Files.readAllBytes(seed);
    try (ShopDb db = Keystone.builder(ShopDb.class).path(file).createFrom(seed).build()) {
      assertEquals(2, count(db, "users"));
      db.insertUser(3, "cy");
    }
    try (ShopDb db = Keystone.builder(ShopDb.class).path(file).createFrom(seed).build()) {
      assertEquals(3, count(db, "users"), "the second open keeps the app's own rows");
    }
    assertArrayEquals(before, Files.readAllBytes(seed));
  }

  @Test
  void anOlderSeedRunsTheMigrations() {
    try (ShopDbV2 db = Keystone.builder(ShopDbV2.class).path(file).createFrom(seed)
        .migrations(ShopDbV2.fromV1()).build()) {
      assertEquals(2, count(db, "orders"));
      assertEquals(2L, db.query("PRAGMA user_version").get(0)[0]);
      db.execute("DELETE FROM users WHERE id = 1");
      assertEquals(1, count(db, "orders"), "version 2's CASCADE is in force");
    }
  }

  @Test
  void aSeedWithOrphansIsRefusedWithThemAndNotKept() throws Exception {
    spoilSeed("INSERT INTO orders (id, user_id) VALUES (12, 404), (13, 405)");
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> Keystone.builder(ShopDb.class).path(file).createFrom(seed).build());
    assertEquals(2, e.violations().size());
    assertEquals(List.of(404L), e.violations().get(0).key());
    assertEquals("orders", e.violations().get(0).childTable());
    assertFalse(Files.exists(file), "the refused copy is gone");
  }

  @Test
  void aSeedWhoseSchemaDiffersIsRefusedAndNotKept() throws Exception {
    spoilSeed("ALTER TABLE users ADD COLUMN nickname TEXT");
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> Keystone.builder(ShopDb.class).path(file).createFrom(seed).build());
    assertTrue(e.getMessage().startsWith("The prepackaged database " + seed + " was refused and"
        + " not kept at " + file), e.getMessage());
    assertTrue(e.getMessage().contains("table users has columns"), e.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void aSeedWithoutASchemaVersionIsRefusedWithTheFix() throws Exception {
    // Without a version, tables of another structure cannot be told from an older version.
    spoilSeed("PRAGMA user_version = 0", "ALTER TABLE users ADD COLUMN nickname TEXT");
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> Keystone.builder(ShopDb.class).path(file).createFrom(seed).build());
    assertTrue(e.getMessage().endsWith("set PRAGMA user_version to the schema version the file"
        + " was made for"), e.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void aSeedWithoutAVersionWhoseTablesMatchIsAdoptedAtTheCompiledVersion() throws Exception {
    spoilSeed("PRAGMA user_version = 0");
    try (ShopDb db = Keystone.builder(ShopDb.class).path(file).createFrom(seed).build()) {
      assertEquals(2, count(db, "users"));
      assertEquals(1L, db.query("PRAGMA user_version").get(0)[0]);
    }
  }

  /** A stream the app opens (an Android asset), opened only when a copy is needed. */
  @Test
  void aStreamIsOpenedOnlyForTheFirstCopy() throws Exception {
    AtomicInteger opened = new AtomicInteger();
    Callable<InputStream> opener = () -> {
      opened.incrementAndGet();
      return Files.newInputStream(seed);
    };
    try (ShopDb db = Keystone.builder(ShopDb.class).path(file).createFrom("asset:seed", opener)
        .build()) {
      assertEquals(2, count(db, "users"));
    }
    try (ShopDb db = Keystone.builder(ShopDb.class).path(file).createFrom("asset:seed", opener)
        .build()) {
      assertEquals(2, count(db, "users"));
    }
    assertEquals(1, opened.get());
    Files.delete(file);
    KeystoneException failed = assertThrows(KeystoneException.class,
        () -> Keystone.builder(ShopDb.class).path(file).createFrom("asset:gone", () -> {
          throw new java.io.FileNotFoundException("gone");
        }).build());
    assertTrue(failed.getMessage().contains("asset:gone"), failed.getMessage());
  }

  @Test
  void aMissingResourceOrNoPathIsAClearError() {
    KeystoneException missing = assertThrows(KeystoneException.class,
        () -> Keystone.builder(ShopDb.class).path(file).createFrom("seeds/none.db").build());
    assertEquals("No prepackaged database classpath:seeds/none.db on the class path",
        missing.getMessage());
    assertThrows(IllegalStateException.class,
        () -> Keystone.builder(ShopDb.class).inMemory().createFrom(seed).build());
  }
}
