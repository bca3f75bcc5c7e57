package keystone.tests.migrations;

import static keystone.tests.Db.count;
import static keystone.tests.Db.row;
import static keystone.tests.Db.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Migration;
import keystone.engine.MigrationException;
import keystone.engine.SchemaStep;
import keystone.testing.MigrationTestHelper;
import keystone.testing.RawDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding a foreign key to an existing column: a rebuild, checked before it may commit. */
class ForeignKeyMigrationTest {
  /** What the processor plans for this change: {@code books} rebuilt with its new key. */
  static final Migration ADD_AUTHOR_KEY =
      Migration.schema(1, 2, SchemaStep.rebuild("books",
          Exports.createTable(Library.class, 2, "books"),
          Exports.createIndexes(Library.class, 2, "books")));

  @TempDir Path dir;
  MigrationTestHelper helper;

  @BeforeEach
  void versionOne() {
    helper = Exports.helper(dir);
    try (RawDatabase v1 = helper.createDatabase(Library.class, 1)) {
      v1.execute("INSERT INTO authors (id, name) VALUES (1, 'Le Guin'), (2, 'Lem')");
      v1.execute("INSERT INTO books (id, title, author_id) VALUES (10, 'Earthsea', 1),"
          + " (11, 'Solaris', 2), (12, 'The Dispossessed', 1)");
    }
  }

  @Test
  void cleanDataMigratesAndTheKeyIsEnforced() {
    try (Library db = helper.runMigrationsAndValidate(Library.class, ADD_AUTHOR_KEY)) {
      assertEquals(3, count(db, "books"));
      assertEquals(List.of(row(10L, "Earthsea", 1L)),
          rows(db, "SELECT id, title, author_id FROM books WHERE id = 10"));
      assertThrows(ForeignKeyViolationException.class,
          () -> db.execute("INSERT INTO books (id, title, author_id) VALUES (13, 'x', 404)"));
      db.execute("DELETE FROM authors WHERE id = 1");
      assertEquals(List.of(row(11L)), rows(db, "SELECT id FROM books"), "CASCADE is in force");
      assertEquals(List.of(row(2L)), rows(db, "PRAGMA user_version"));
    }
  }

  @Test
  void orphansRollTheMigrationBackAndAreListed() {
    try (RawDatabase v1 = helper.createDatabase(Library.class, 1)) {
      v1.execute("INSERT INTO authors (id, name) VALUES (1, 'Le Guin')");
      v1.execute("INSERT INTO books (id, title, author_id) VALUES (10, 'Earthsea', 1),"
          + " (13, 'Lost', 404), (14, 'Also lost', 405)");
    }
    MigrationException e = assertThrows(MigrationException.class,
        () -> helper.runMigrationsAndValidate(Library.class, ADD_AUTHOR_KEY));
    assertEquals(1, e.from());
    assertEquals(2, e.to());
    assertEquals(2, e.violations().size(), e.getMessage());
    for (ForeignKeyViolation v : e.violations()) {
      assertEquals("books", v.childTable());
      assertEquals(List.of("author_id"), v.childColumns());
      assertEquals("authors", v.parentTable());
      assertEquals(ForeignKeyViolation.Kind.MISSING_PARENT, v.kind());
    }
    assertEquals(List.of(List.of(404L), List.of(405L)),
        e.violations().stream().map(ForeignKeyViolation::key).sorted(
            (a, b) -> Long.compare((Long) a.get(0), (Long) b.get(0))).toList());
    assertTrue(e.getMessage().contains("stays at version 1"), e.getMessage());
    try (RawDatabase file = helper.openRaw(Library.class)) {
      assertEquals(1L, file.query("PRAGMA user_version").get(0)[0]);
      assertEquals(3L, file.query("SELECT count(*) FROM books").get(0)[0]);
      assertEquals(0, file.query("SELECT * FROM pragma_foreign_key_list('books')").size(),
          "books is as it was, without the key");
    }
  }
}
