package keystone.tests.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import keystone.engine.Page;
import keystone.testing.TestEngine;
import keystone.tests.shapes.ShapesDao.LikesKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Keyset pages: each page starts after the last row's key, whatever was written meanwhile. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class PageTest {
  @Parameter TestEngine engine;
  @TempDir Path dir;
  private ShapesDatabase db;
  private ShapesDao dao;

  @BeforeEach
  void open() {
    db = engine.open(ShapesDatabase.class, dir);
    dao = db.dao();
    dao.insert(new Author(1, "Ada"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Posts 1..n whose likes repeat, so the id breaks the ties. */
  private void posts(int n) {
    for (int i = 1; i <= n; i++) {
      dao.insert(new Post(i, 1, "p" + i, i % 3));
    }
  }

  private static List<Long> ids(Page<Post, LikesKey> page) {
    return page.items().stream().map(Post::id).toList();
  }

  @Test
  void pagesFollowEachOtherByKeyAndTheLastHasNoNextKey() {
    posts(7);
    Page<Post, LikesKey> first = dao.firstByLikes(3);
    assertEquals(List.of(3L, 6L, 1L), ids(first));
    assertEquals(Optional.of(new LikesKey(1, 1)), first.next());
    LikesKey k = first.next().orElseThrow();
    Page<Post, LikesKey> second = dao.byLikesAfter(k.likes(), k.id(), 3);
    assertEquals(List.of(4L, 7L, 2L), ids(second));
    k = second.next().orElseThrow();
    Page<Post, LikesKey> third = dao.byLikesAfter(k.likes(), k.id(), 3);
    assertEquals(List.of(5L), ids(third));
    assertEquals(Optional.empty(), third.next());
  }

  @Test
  void walkingEveryPageSeesEveryRowOnce() {
    posts(10);
    List<Long> seen = new ArrayList<>();
    Page<Post, LikesKey> page = dao.firstByLikes(4);
    seen.addAll(ids(page));
    while (page.next().isPresent()) {
      LikesKey k = page.next().get();
      page = dao.byLikesAfter(k.likes(), k.id(), 4);
      seen.addAll(ids(page));
    }
    assertEquals(List.of(3L, 6L, 9L, 1L, 4L, 7L, 10L, 2L, 5L, 8L), seen);
  }

  @Test
  void aRowWrittenBeforeTheKeyShiftsNothing() {
    posts(6);
    Page<Post, LikesKey> first = dao.firstByLikes(3);
    // With OFFSET 3 the next page would now repeat post 1; after the key it does not.
    dao.insert(new Post(20, 1, "new", 0));
    LikesKey k = first.next().orElseThrow();
    assertEquals(List.of(4L, 2L, 5L), ids(dao.byLikesAfter(k.likes(), k.id(), 3)));
  }
}
