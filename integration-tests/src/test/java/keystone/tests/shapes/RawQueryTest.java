package keystone.tests.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneException;
import keystone.engine.SqlQuery;
import keystone.testing.TestEngine;
import keystone.tests.shapes.ShapesDao.Headline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code @RawQuery}: SQL built at run time, mapped by name, guarded and atomic. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class RawQueryTest {
  @Parameter TestEngine engine;
  @TempDir Path dir;
  private ShapesDatabase db;
  private ShapesDao dao;

  private static final Post A1 = new Post(10, 1, "a", 5);
  private static final Post A2 = new Post(11, 1, "b", 0);
  private static final Post B1 = new Post(12, 2, "c", 7);

  @BeforeEach
  void open() {
    db = engine.open(ShapesDatabase.class, dir);
    dao = db.dao();
    dao.insert(new Author(1, "Ada"), new Author(2, "Bob"));
    dao.insert(A1, A2, B1);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Filters chosen at run time, the way a search screen builds them. */
  private List<Post> search(Long author, Long minLikes) {
    StringBuilder sql = new StringBuilder("SELECT * FROM posts WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (author != null) {
      sql.append(" AND author_id = ?");
      args.add(author);
    }
    if (minLikes != null) {
      sql.append(" AND likes >= ?");
      args.add(minLikes);
    }
    return dao.posts(SqlQuery.of(sql.append(" ORDER BY id").toString(), args.toArray()));
  }

  @Test
  void rowsOfSqlBuiltAtRunTime() {
    assertEquals(List.of(A1, A2, B1), search(null, null));
    assertEquals(List.of(A1, A2), search(1L, null));
    assertEquals(List.of(A1, B1), search(null, 1L));
    assertEquals(List.of(A1), search(1L, 1L));
    assertEquals(Optional.of(B1), dao.post(SqlQuery.of("SELECT * FROM posts WHERE id = ?", 12)));
    assertEquals(Optional.empty(), dao.post(SqlQuery.of("SELECT * FROM posts WHERE id = ?", 99)));
    assertEquals(3L, dao.count(SqlQuery.of("SELECT count(*) FROM posts")));
  }

  @Test
  void columnsAreMatchedByNameInAnyOrderAndAnAbsentNullableOneIsNull() {
    assertEquals(List.of(new Headline(12, "c", "Bob")), dao.headlines(SqlQuery.of(
        "SELECT a.name AS author, p.title, p.id FROM posts p JOIN authors a"
            + " ON a.id = p.author_id WHERE p.id = ?", 12L)));
    assertEquals(List.of(new Headline(10, "a", null)),
        dao.headlines(SqlQuery.of("SELECT id, title FROM posts WHERE id = 10")));
  }

  @Test
  void anAbsentColumnThatCannotBeNullIsAClearError() {
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> dao.headlines(SqlQuery.of("SELECT id, author_id FROM posts")));
    assertEquals("@RawQuery result has no column title for Headline.title, which cannot be null;"
        + " the query returned columns [id, author_id]", e.getMessage());
  }

  @Test
  void writesAreAtomicAndDiagnosedLikeAnyWrite() {
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> dao.run(SqlQuery.of("INSERT INTO posts (id, author_id, title, likes)"
            + " VALUES (?, ?, ?, ?)", 13L, 404L, "x", 0L)));
    ForeignKeyViolation v = e.violations().get(0);
    assertEquals("fk_posts_author_id", v.constraint());
    assertEquals(List.of(404L), v.key());
    assertEquals(3L, dao.count(SqlQuery.of("SELECT count(*) FROM posts")));
    // Deleting Ada cascades to her two posts: one row changed, as the statement reports.
    assertEquals(1, dao.run(SqlQuery.of("DELETE FROM authors WHERE id = ?", 1L)));
    assertEquals(List.of(B1), search(null, null));
  }

  @Test
  void aReadOfAStatementWithoutRowsFailsAndLeavesNothingWritten() {
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> dao.posts(SqlQuery.of("DELETE FROM posts")));
    assertTrue(e.getMessage().contains("@RawQuery returned no rows"), e.getMessage());
    assertEquals(3, search(null, null).size());
  }

  @Test
  void theGuardOfExecuteRefusesBeforeAnythingRuns() {
    String off = engine == TestEngine.SQLITE ? "PRAGMA foreign_keys = OFF"
        : "SET session_replication_role = replica";
    KeystoneException e = assertThrows(KeystoneException.class, () -> dao.run(SqlQuery.of(off)));
    assertTrue(e.getMessage().contains("foreign-key enforcement always on"), e.getMessage());
    KeystoneException begin = assertThrows(KeystoneException.class,
        () -> dao.run(SqlQuery.of("BEGIN")));
    assertTrue(begin.getMessage().contains("Transaction control (BEGIN) is refused"),
        begin.getMessage());
    assertThrows(KeystoneException.class,
        () -> dao.run(SqlQuery.of("DELETE FROM posts; DELETE FROM authors")));
    assertEquals(3, search(null, null).size());
    assertThrows(ForeignKeyViolationException.class,
        () -> dao.run(SqlQuery.of("INSERT INTO posts VALUES (20, 404, 'x', 0)")));
  }

  @Test
  void anObservedRawQueryReRunsWhenAnObservedTableChanges() throws Exception {
    Latest<List<Post>> seen = Latest.of(
        dao.watchPosts(SqlQuery.of("SELECT * FROM posts WHERE likes >= ? ORDER BY id", 1L)));
    assertEquals(List.of(A1, B1), seen.await(l -> true));
    dao.insert(new Post(13, 2, "d", 9));
    seen.await(l -> l.size() == 3);
    // A cascade from authors reaches posts: observers of posts hear of it.
    dao.deleteAuthor(2);
    assertEquals(List.of(A1), seen.await(l -> l.size() == 1));
  }

  @Test
  void aViewInObservedEntitiesStandsForTheTablesItReads() throws Exception {
    Latest<List<PostsPerAuthor>> seen = Latest.of(dao.watchView(
        SqlQuery.of("SELECT * FROM posts_per_author WHERE posts > ? ORDER BY author_id", 0)));
    assertEquals(List.of(new PostsPerAuthor(1, "Ada", 2), new PostsPerAuthor(2, "Bob", 1)),
        seen.await(l -> true));
    // A write to posts, which the view reads, runs the query again.
    dao.insert(new Post(13, 2, "d", 0));
    seen.await(l -> l.size() == 2 && l.get(1).posts() == 2);
  }
}
