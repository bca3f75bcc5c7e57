package keystone.tests.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keystone.engine.KeystoneException;
import keystone.testing.TestEngine;
import keystone.tests.shapes.ShapesDao.Name;
import keystone.tests.shapes.ShapesDao.Title;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Multimap returns: keys in row order, both entities filled from one joined row. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class MultimapTest {
  @Parameter TestEngine engine;
  @TempDir Path dir;
  private ShapesDatabase db;
  private ShapesDao dao;

  private static final Author ADA = new Author(1, "Ada");
  private static final Author BOB = new Author(2, "Bob");
  private static final Author CY = new Author(3, "Cy");
  private static final Post A1 = new Post(10, 1, "a", 5);
  private static final Post A2 = new Post(11, 1, "b", 0);
  private static final Post B1 = new Post(12, 2, "c", 7);

  @BeforeEach
  void open() {
    db = engine.open(ShapesDatabase.class, dir);
    dao = db.dao();
    dao.insert(ADA, BOB, CY);
    dao.insert(A1, A2, B1);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void keysInRowOrderWithTheirRowsAndAnEmptyListForALeftJoinWithoutMatch() {
    Map<Author, List<Post>> byAuthor = dao.postsByAuthor();
    assertTrue(byAuthor instanceof LinkedHashMap, byAuthor.getClass().getName());
    assertEquals(List.of(ADA, BOB, CY), new ArrayList<>(byAuthor.keySet()));
    // authors.id and posts.id share a name; each entity took the one of its own table.
    assertEquals(List.of(A1, A2), byAuthor.get(ADA));
    assertEquals(List.of(B1), byAuthor.get(BOB));
    assertEquals(List.of(), byAuthor.get(CY));
  }

  @Test
  void oneValuePerKey() {
    Map<Post, Author> authors = dao.authorOfEachPost();
    assertEquals(List.of(A1, A2, B1), new ArrayList<>(authors.keySet()));
    assertEquals(List.of(ADA, ADA, BOB), new ArrayList<>(authors.values()));
  }

  @Test
  void aKeyWhoseLeftJoinFoundNothingMapsToNull() {
    Map<Author, Post> liked = dao.mostLikedPost();
    assertEquals(List.of(ADA, BOB, CY), new ArrayList<>(liked.keySet()));
    assertEquals(java.util.Arrays.asList(null, B1, null), new ArrayList<>(liked.values()));
  }

  @Test
  void aSecondRowForOneKeyOfAMapOfOneValueIsRefused() {
    KeystoneException e = assertThrows(KeystoneException.class, dao::onePostPerAuthor);
    assertTrue(e.getMessage().contains("two rows for the key Author[id=1, name=Ada]"),
        e.getMessage());
  }

  @Test
  void recordsOfAliasedColumnsAndBoundParameters() {
    assertEquals(Map.of(new Name("Ada"), List.of(new Title("a")), new Name("Bob"),
        List.of(new Title("c"))), dao.titlesByName(1));
    assertEquals(List.of(new Name("Ada"), new Name("Bob")),
        new ArrayList<>(dao.titlesByName(1).keySet()));
  }

  @Test
  void anObservedMultimapReRunsAfterAWrite() throws Exception {
    Latest<Map<Author, List<Post>>> seen = Latest.of(dao.watchPostsByAuthor());
    assertEquals(List.of(BOB, ADA), new ArrayList<>(seen.await(m -> true).keySet()));
    dao.insert(new Post(13, 3, "d", 0));
    Map<Author, List<Post>> after = seen.await(m -> m.size() == 3);
    assertEquals(List.of(CY, BOB, ADA), new ArrayList<>(after.keySet()));
    dao.deleteAuthor(2);
    assertEquals(List.of(CY, ADA), new ArrayList<>(seen.await(m -> m.size() == 2).keySet()));
  }
}
