package keystone.tests.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneException;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** RxJava 3 returns: writes run on subscription, reads are observed, errors arrive typed. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class RxJavaTest {
  @Parameter TestEngine engine;
  @TempDir Path dir;
  private ShapesDatabase db;
  private RxShapesDao rx;

  private static final Author ADA = new Author(1, "Ada");
  private static final Post A1 = new Post(10, 1, "a", 5);
  private static final Post A2 = new Post(11, 1, "b", 0);

  @BeforeEach
  void open() {
    db = engine.open(ShapesDatabase.class, dir);
    rx = db.rx();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void writesWaitForTheSubscription() {
    assertEquals(1L, rx.insert(ADA).blockingGet());
    Completable insert = rx.insert(A1, A2);
    assertEquals(0L, rx.postCount().blockingFirst(), "nothing written before subscribing");
    insert.blockingAwait();
    assertEquals(2L, rx.postCount().blockingFirst());
    assertEquals(1, rx.update(new Post(10, 1, "a2", 6)).blockingGet());
    assertEquals(1, rx.prune(1).blockingGet());
    assertEquals(List.of(new Post(10, 1, "a2", 6)), rx.posts().blockingFirst());
  }

  @Test
  void errorsGoToOnErrorWithTheirTypes() {
    rx.insert(ADA).blockingGet();
    rx.insert(new Post(20, 404, "orphan", 0)).test().awaitDone(10, TimeUnit.SECONDS)
        .assertError(e -> e instanceof ForeignKeyViolationException f
            && f.violations().get(0).key().equals(List.of(404L)));
    assertEquals(0L, rx.postCount().blockingFirst());
    rx.author(99).test().awaitDone(10, TimeUnit.SECONDS)
        .assertError(e -> e instanceof KeystoneException
            && e.getMessage().contains("author() found no row"));
    rx.maybeAuthor(99).test().awaitDone(10, TimeUnit.SECONDS).assertNoValues().assertComplete();
    assertEquals(ADA, rx.maybeAuthor(1).blockingGet());
    assertEquals(ADA, rx.author(1).blockingGet());
  }

  @Test
  void aFlowableIsObservedLikeAPublisherCascadesIncluded() throws Exception {
    rx.insert(ADA).blockingGet();
    rx.insert(A1).blockingAwait();
    TestSubscriber<List<Post>> posts = rx.posts().test();
    assertTrue(posts.awaitCount(1).values().contains(List.of(A1)));
    rx.insert(A2).blockingAwait();
    waitFor(posts, List.of(A1, A2));
    // Deleting Ada cascades to her posts: the observer of posts hears of it.
    rx.delete(ADA).blockingAwait();
    waitFor(posts, List.of());
    posts.cancel();
  }

  @Test
  void anObservableAndAnObservedMultimap() {
    rx.insert(ADA).blockingGet();
    rx.insert(A1, A2).blockingAwait();
    assertEquals(2L, rx.postCount().blockingFirst());
    assertEquals(List.of(A1, A2), rx.postsByAuthor().blockingFirst().get(ADA));
  }

  private static <T> void waitFor(TestSubscriber<T> subscriber, T wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      List<T> values = subscriber.values();
      if (!values.isEmpty() && values.get(values.size() - 1).equals(wanted)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("never got " + wanted + "; got " + subscriber.values());
  }
}
