package keystone.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import keystone.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * With keystone-postgres alone on the class path (pgjdbc and HikariCP come with it, nothing is
 * declared beside it), {@code .postgres(jdbcUrl)} opens a pool and enforces keys on the server.
 */
class OneCoordinateTest {
  @Test
  void aJdbcUrlOpensThroughThePoolThisArtifactBrings() {
    try (NotesDatabase db =
        Keystone.builder(NotesDatabase.class).postgres(TestPostgres.freshDatabase()).build()) {
      long book = db.notes().insert(new Notebook(0, "ideas"));
      db.notes().insert(new Note(0, book, "first"));
      ForeignKeyViolationException e =
          assertThrows(
              ForeignKeyViolationException.class,
              () -> db.notes().insert(new Note(0, 999, "orphan")));
      assertEquals("fk_notes_notebook_id", e.violations().get(0).constraint());
      assertEquals(List.of(999L), e.violations().get(0).key());
      assertEquals(List.of(new Note(1, book, "first")), db.notes().notesOf(book));
    }
  }
}
