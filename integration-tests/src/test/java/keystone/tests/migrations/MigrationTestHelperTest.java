package keystone.tests.migrations;

import static keystone.tests.Db.count;
import static keystone.tests.Db.row;
import static keystone.tests.Db.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import keystone.Database;
import keystone.engine.KeystoneDatabase;
import keystone.engine.KeystoneException;
import keystone.testing.MigrationTestHelper;
import keystone.testing.RawDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented flow: a file at version k from its export, filled, migrated, validated. */
class MigrationTestHelperTest {
  @TempDir Path dir;

  @Test
  void versionTwoFromItsCommittedExportMigratesToThree() {
    MigrationTestHelper helper = Exports.helper(dir);
    try (RawDatabase v2 = helper.createDatabase(ShopFlow.class, 2)) {
      assertEquals(2L, v2.query("PRAGMA user_version").get(0)[0]);
      v2.execute(ShopFlowScenario.DEMO_ROWS);
      v2.execute("INSERT INTO wishlist (id, user_id, product_id) VALUES (?, ?, ?)", 1, 2, 3);
      // The handle enforces keys like everything else in Keystone, and cannot stop doing so.
      assertThrows(KeystoneException.class,
          () -> v2.execute("INSERT INTO wishlist (id, user_id, product_id) VALUES (2, 404, 1)"));
      assertThrows(KeystoneException.class, () -> v2.execute("PRAGMA foreign_keys = OFF"));
    }
    try (ShopFlow db = helper.runMigrationsAndValidate(ShopFlow.class)) {
      assertEquals(List.of(row(3L)), rows(db, "PRAGMA user_version"));
      assertEquals(List.of(row(1L, 2L, 3L)),
          rows(db, "SELECT id, user_id, product_id FROM wishlist"));
      assertEquals(4, count(db, "order_items"));
      assertEquals(List.of(), db.checkForeignKeys());
    }
  }

  @Test
  void theCurrentVersionComesFromTheClassOutput() {
    // No schemaLocation: version 3 is the export the processor wrote next to the classes.
    MigrationTestHelper helper = new MigrationTestHelper(dir);
    try (RawDatabase v3 = helper.createDatabase(ShopFlow.class, 3)) {
      v3.execute(ShopFlowScenario.DEMO_ROWS);
    }
    try (ShopFlow db = helper.runMigrationsAndValidate(ShopFlow.class)) {
      assertEquals(3, count(db, "orders"));
    }
  }

  @Test
  void aVersionWithoutExportSaysWhereItLooked() {
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> Exports.helper(dir).createDatabase(ShopFlow.class, 9));
    assertTrue(e.getMessage().contains("keystone/schemas/keystone.tests.migrations.ShopFlow/9.sql"),
        e.getMessage());
  }

  /** Version 2 of a database that declares no migration at all. */
  @Database(entities = Library.Author.class, version = 2)
  public interface Unmigrated extends KeystoneDatabase {}

  @Test
  void aFileWithNoPathOfMigrationsIsRefusedUntouched() throws IOException {
    Path schemas = dir.resolve("schemas");
    Path export = schemas.resolve(Unmigrated.class.getCanonicalName()).resolve("1.sql");
    Files.createDirectories(export.getParent());
    Files.writeString(export, "CREATE TABLE authors (id INTEGER NOT NULL PRIMARY KEY,"
        + " name TEXT NOT NULL)");
    MigrationTestHelper helper = new MigrationTestHelper(dir).schemaLocation(schemas);
    try (RawDatabase v1 = helper.createDatabase(Unmigrated.class, 1)) {
      v1.execute("INSERT INTO authors (id, name) VALUES (1, 'Le Guin')");
    }
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> helper.runMigrationsAndValidate(Unmigrated.class));
    assertTrue(e.getMessage().contains("no migration leads on from version 1"), e.getMessage());
    try (RawDatabase file = helper.openRaw(Unmigrated.class)) {
      assertEquals(1L, file.query("PRAGMA user_version").get(0)[0]);
    }
  }
}
