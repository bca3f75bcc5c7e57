package keystone.tests.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.Keystone;
import keystone.engine.KeystoneBuilder;
import keystone.engine.KeystoneException;
import keystone.testing.TestEngine;
import keystone.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code @DatabaseView}: created with the schema, read by {@code @Query}, observed, verified. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class ViewTest {
  @Parameter TestEngine engine;
  @TempDir Path dir;

  /** The same database each call: SQLite's file, or one PostgreSQL database. */
  private KeystoneBuilder<ShapesDatabase> reopenable(String postgresUrl) {
    return engine == TestEngine.SQLITE ? engine.builder(ShapesDatabase.class, dir)
        : Keystone.builder(ShapesDatabase.class).postgres(postgresUrl);
  }

  private static void fill(ShapesDao dao) {
    dao.insert(new Author(1, "Ada"), new Author(2, "Bob"), new Author(3, "Cy"));
    dao.insert(new Post(10, 1, "a", 0), new Post(11, 1, "b", 0), new Post(12, 2, "c", 0));
  }

  @Test
  void viewsAreCreatedWithTheSchemaAndRead() {
    try (ShapesDatabase db = engine.open(ShapesDatabase.class, dir)) {
      fill(db.dao());
      assertEquals(List.of(new PostsPerAuthor(1, "Ada", 2), new PostsPerAuthor(2, "Bob", 1),
          new PostsPerAuthor(3, "Cy", 0)), db.dao().postsPerAuthor());
      assertEquals(List.of(new Prolific("Ada", 2)), db.dao().prolific());
    }
  }

  @Test
  void anObservedViewReRunsWhenATableItReadsChangesCascadesIncluded() throws Exception {
    try (ShapesDatabase db = engine.open(ShapesDatabase.class, dir)) {
      fill(db.dao());
      Latest<List<PostsPerAuthor>> seen = Latest.of(db.dao().watchPostsPerAuthor());
      seen.await(l -> l.size() == 3);
      db.dao().insert(new Post(13, 3, "d", 0));
      seen.await(l -> l.get(2).posts() == 1);
      // Deleting Ada cascades to her posts; the view reads both tables.
      db.dao().deleteAuthor(1);
      List<PostsPerAuthor> after = seen.await(l -> l.size() == 2);
      assertEquals(List.of(new PostsPerAuthor(2, "Bob", 1), new PostsPerAuthor(3, "Cy", 1)),
          after);
    }
  }

  @Test
  void aDatabaseWithoutItsViewIsRefused() {
    String url = engine == TestEngine.POSTGRES ? TestPostgres.freshDatabase() : null;
    try (ShapesDatabase db = reopenable(url).build()) {
      db.execute("DROP VIEW prolific");
    }
    KeystoneException e = assertThrows(KeystoneException.class, () -> reopenable(url).build());
    assertTrue(e.getMessage().contains("view prolific is missing"), e.getMessage());
  }

  @Test
  void aViewWhoseNameIsQuotedOtherwiseAsRoomWritesItStillMatches() {
    assumeTrue(engine == TestEngine.SQLITE, "PostgreSQL keeps no view text to compare");
    try (ShapesDatabase db = reopenable(null).build()) {
      db.execute("DROP VIEW prolific");
      db.execute("CREATE VIEW `prolific` AS   SELECT author, posts FROM posts_per_author"
          + " WHERE posts >= 2");
    }
    try (ShapesDatabase db = reopenable(null).build()) {
      assertEquals(List.of(), db.dao().prolific());
    }
  }

  @Test
  void aViewWithOtherSqlIsRefused() {
    assumeTrue(engine == TestEngine.SQLITE, "PostgreSQL keeps no view text to compare");
    try (ShapesDatabase db = reopenable(null).build()) {
      db.execute("DROP VIEW prolific");
      db.execute("CREATE VIEW prolific AS SELECT author, posts FROM posts_per_author"
          + " WHERE posts >= 3");
    }
    KeystoneException e = assertThrows(KeystoneException.class, () -> reopenable(null).build());
    assertTrue(e.getMessage().contains("view prolific is SELECT author, posts FROM"
        + " posts_per_author WHERE posts >= 3, compiled SELECT"), e.getMessage());
  }

  @Test
  void aViewWithOtherColumnsIsRefused() {
    String url = engine == TestEngine.POSTGRES ? TestPostgres.freshDatabase() : null;
    try (ShapesDatabase db = reopenable(url).build()) {
      db.execute("DROP VIEW prolific");
      db.execute("CREATE VIEW prolific AS SELECT author FROM posts_per_author");
    }
    KeystoneException e = assertThrows(KeystoneException.class, () -> reopenable(url).build());
    assertTrue(e.getMessage().contains("view prolific"), e.getMessage());
    assertTrue(e.getMessage().contains("does not match the compiled schema"), e.getMessage());
  }
}
