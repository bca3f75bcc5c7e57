package keystone.tests.migrations;

import static keystone.tests.Db.missingParent;
import static keystone.tests.Db.row;
import static keystone.tests.Db.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Migration;
import keystone.engine.MigrationException;
import keystone.testing.MigrationTestHelper;
import keystone.testing.RawDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration written as an SQL file on the class path, found by its name and run in one
 * transaction, with its keys checked before the commit.
 */
class SqlFileMigrationTest {
  /** Version 1 of {@link Guestbook}: guests only. */
  static final String VERSION_1 =
      "CREATE TABLE guests (id INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL)";

  @TempDir Path dir;
  MigrationTestHelper helper;

  @BeforeEach
  void versionOne() throws IOException {
    Path schemas = dir.resolve("schemas");
    Path export = schemas.resolve(Guestbook.class.getCanonicalName()).resolve("1.sql");
    Files.createDirectories(export.getParent());
    Files.writeString(export, VERSION_1);
    helper = new MigrationTestHelper(dir).schemaLocation(schemas);
    try (RawDatabase v1 = helper.createDatabase(Guestbook.class, 1)) {
      v1.execute("INSERT INTO guests (id, name) VALUES (1, 'Ada'), (2, 'Grace')");
    }
  }

  @Test
  void theFileOnTheClassPathTakesTheFileToVersionTwo() {
    try (Guestbook db = helper.runMigrationsAndValidate(Guestbook.class)) {
      assertEquals(List.of(row(2L)), rows(db, "PRAGMA user_version"));
      assertEquals(List.of(row(1L, 1L, "Signed, Ada"), row(2L, 2L, "Signed, Grace")),
          rows(db, "SELECT id, guest_id, line FROM signatures ORDER BY id"));
      ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
          () -> db.execute("INSERT INTO signatures (id, guest_id, line) VALUES (3, 9, 'x')"));
      assertEquals(List.of(missingParent("fk_signatures_guest_id", "signatures",
          List.of("guest_id"), "guests", List.of("id"), 9L)), e.violations());
      db.execute("DELETE FROM guests WHERE id = 1");
      assertEquals(List.of(row(2L)), rows(db, "SELECT id FROM signatures"), "CASCADE in force");
    }
  }

  @Test
  void aFileThatLeavesAnOrphanIsRolledBackWithIt() {
    String sql = "PRAGMA defer_foreign_keys = on;\n"
        + Exports.createTable(Guestbook.class, 2, "signatures") + ";\n"
        + String.join(";\n", Exports.createIndexes(Guestbook.class, 2, "signatures")) + ";\n"
        + "INSERT INTO signatures (id, guest_id, line) VALUES (1, 1, 'kept'), (2, 404, 'lost');\n"
        // D1's documented ending, which would make SQLite forget the orphan: Keystone does not.
        + "PRAGMA defer_foreign_keys = off;";
    MigrationException e = assertThrows(MigrationException.class,
        () -> helper.runMigrationsAndValidate(Guestbook.class,
            Migration.ofSqlFile(1, 2, sql, "0002_orphan.sql")));
    assertEquals(List.of(missingParent("fk_signatures_guest_id", "signatures",
        List.of("guest_id"), "guests", List.of("id"), 404L)), e.violations());
    assertTrue(e.getMessage().contains("stays at version 1"), e.getMessage());
    try (RawDatabase file = helper.openRaw(Guestbook.class)) {
      assertEquals(1L, file.query("PRAGMA user_version").get(0)[0]);
      assertEquals(0, file.query(
          "SELECT name FROM sqlite_master WHERE name = 'signatures'").size());
    }
  }
}
