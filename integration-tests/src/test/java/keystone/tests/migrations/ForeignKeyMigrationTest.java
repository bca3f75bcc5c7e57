package keystone.tests.migrations;

import static keystone.tests.Db.count;
import static keystone.tests.Db.missingParent;
import static keystone.tests.Db.row;
import static keystone.tests.Db.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneDatabase;
import keystone.engine.MigrationException;
import keystone.testing.MigrationTestHelper;
import keystone.testing.RawDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a foreign key to a filled table, by the generated migration: a rebuild on SQLite,
 * checked before it may commit. {@link ForeignKeyMigrationPostgresTest} runs the same on
 * PostgreSQL, where the key goes in NOT VALID and is validated apart.
 */
class ForeignKeyMigrationTest {
  @TempDir Path dir;
  MigrationTestHelper helper;

  @BeforeEach
  void versionOne() {
    helper = Exports.helper(dir);
    try (RawDatabase v1 = helper.createDatabase(Library.class, 1)) {
      v1.execute(AUTHORS_AND_BOOKS);
    }
  }

  /** Two authors and three books, every book by one of them. */
  static final String AUTHORS_AND_BOOKS = "INSERT INTO authors (id, name) VALUES (1, 'Le Guin'),"
      + " (2, 'Lem');\nINSERT INTO books (id, title, author_id) VALUES (10, 'Earthsea', 1),"
      + " (11, 'Solaris', 2), (12, 'The Dispossessed', 1)";

  /** One author and three books, two of them by authors who do not exist. */
  static final String ORPHANS = "INSERT INTO authors (id, name) VALUES (1, 'Le Guin');\n"
      + "INSERT INTO books (id, title, author_id) VALUES (10, 'Earthsea', 1), (13, 'Lost', 404),"
      + " (14, 'Also lost', 405)";

  @Test
  void cleanDataMigratesAndTheKeyIsEnforced() {
    try (Library db = helper.runMigrationsAndValidate(Library.class)) {
      assertEquals(List.of(row(2L)), rows(db, "PRAGMA user_version"));
      assertKeyAdded(db);
    }
  }

  @Test
  void orphansRollTheMigrationBackAndAreListed() {
    try (RawDatabase v1 = helper.createDatabase(Library.class, 1)) {
      v1.execute(ORPHANS);
    }
    assertOrphansListed(assertThrows(MigrationException.class,
        () -> helper.runMigrationsAndValidate(Library.class)));
    try (RawDatabase file = helper.openRaw(Library.class)) {
      assertEquals(1L, file.query("PRAGMA user_version").get(0)[0]);
      assertEquals(3L, file.query("SELECT count(*) FROM books").get(0)[0]);
      assertEquals(0, file.query("SELECT * FROM pragma_foreign_key_list('books')").size(),
          "books is as it was, without the key");
    }
  }

  /** Rows kept, the key refusing an unknown author by its name and key, its CASCADE in force. */
  static void assertKeyAdded(KeystoneDatabase db) {
    assertEquals(3, count(db, "books"));
    assertEquals(List.of(row(10L, "Earthsea", 1L)),
        rows(db, "SELECT id, title, author_id FROM books WHERE id = 10"));
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> db.execute("INSERT INTO books (id, title, author_id) VALUES (13, 'x', 404)"));
    assertEquals(List.of(missingParent("fk_books_author_id", "books", List.of("author_id"),
        "authors", List.of("id"), 404L)), e.violations());
    db.execute("DELETE FROM authors WHERE id = 1");
    assertEquals(List.of(row(11L)), rows(db, "SELECT id FROM books"), "CASCADE is in force");
  }

  /** Both orphans of {@link #ORPHANS}, each named by the new key, and the version kept. */
  static void assertOrphansListed(MigrationException e) {
    assertEquals(1, e.from());
    assertEquals(2, e.to());
    assertEquals(List.of(
            missingParent("fk_books_author_id", "books", List.of("author_id"), "authors",
                List.of("id"), 404L),
            missingParent("fk_books_author_id", "books", List.of("author_id"), "authors",
                List.of("id"), 405L)),
        e.violations().stream().sorted(Comparator.comparing(v -> (Long) v.key().get(0)))
            .toList(), e.getMessage());
    assertTrue(e.getMessage().contains("stays at version 1"), e.getMessage());
  }
}
