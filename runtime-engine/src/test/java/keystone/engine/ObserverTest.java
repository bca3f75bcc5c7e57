package keystone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import keystone.engine.fixture.ShopDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObserverTest {
  @TempDir Path dir;
  ShopDb db;

  @BeforeEach
  void open() {
    db = Keystone.open(ShopDb.class, dir.resolve("shop.db"));
    db.insertUser(1, "ada");
    db.insertOrder(10, 1);
    db.execute("INSERT INTO items (id, order_id) VALUES (100, 10), (101, 10)");
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Collects what it is sent; requests as the test says. */
  static final class Collector implements Flow.Subscriber<Long> {
    final BlockingQueue<Long> values = new LinkedBlockingQueue<>();
    final CountDownLatch completed = new CountDownLatch(1);
    volatile Flow.Subscription subscription;
    private final long initialDemand;

    Collector(long initialDemand) {
      this.initialDemand = initialDemand;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(initialDemand);
    }

    @Override
    public void onNext(Long item) {
      values.add(item);
    }

    @Override
    public void onError(Throwable t) {
      values.add(-1L);
    }

    @Override
    public void onComplete() {
      completed.countDown();
    }

    Long next() throws InterruptedException {
      return values.poll(5, TimeUnit.SECONDS);
    }

  }

  @Test
  void cascadeNotifiesObserversOfTheChildTable() throws Exception {
    Collector items = new Collector(Long.MAX_VALUE);
    db.itemCount().subscribe(items);
    assertEquals(2L, items.next());
    db.deleteOrder(10);
    assertEquals(0L, items.next());
  }

  @Test
  void unrelatedWriteAndRolledBackTransactionEmitNothing() throws Exception {
    Collector items = new Collector(Long.MAX_VALUE);
    db.itemCount().subscribe(items);
    assertEquals(2L, items.next());
    db.insertUser(2, "bob");
    // A write that must emit comes after each one that must not: the first value is its own.
    db.execute("INSERT INTO items (id, order_id) VALUES (300, 10)");
    assertEquals(3L, items.next());
    assertThrows(
        IllegalStateException.class,
        () ->
            db.runInTransaction(
                () -> {
                  db.deleteOrder(10);
                  throw new IllegalStateException("roll back");
                }));
    db.execute("INSERT INTO items (id, order_id) VALUES (301, 10)");
    assertEquals(4L, items.next());
    assertEquals(4L, (Long) db.query("SELECT count(*) FROM items").get(0)[0]);
  }

  @Test
  void slowSubscriberGetsTheLatestStateOnly() throws Exception {
    Collector items = new Collector(1);
    db.itemCount().subscribe(items);
    assertEquals(2L, items.next());
    for (int i = 0; i < 5; i++) {
      db.execute("INSERT INTO items (id, order_id) VALUES (?, 10)", 200 + i);
    }
    // Without demand nothing was sent: the first value after the request is the latest state.
    items.subscription.request(1);
    assertEquals(7L, items.next());
    // A request with nothing changed sends nothing: the next value is the next write's.
    items.subscription.request(1);
    db.execute("INSERT INTO items (id, order_id) VALUES (210, 10)");
    assertEquals(8L, items.next());
  }

  @Test
  void cancelStopsAndCloseCompletes() throws Exception {
    Collector cancelled = new Collector(Long.MAX_VALUE);
    Collector open = new Collector(Long.MAX_VALUE);
    db.itemCount().subscribe(cancelled);
    db.itemCount().subscribe(open);
    assertEquals(2L, cancelled.next());
    assertEquals(2L, open.next());
    cancelled.subscription.cancel();
    db.deleteOrder(10);
    assertEquals(0L, open.next());
    // The delete reached every watcher on its commit; the cancelled one was no longer there.
    assertTrue(cancelled.values.isEmpty());
    db.close();
    assertTrue(open.completed.await(5, TimeUnit.SECONDS));
  }

  @Test
  void writesFromOtherThreadsNotify() throws Exception {
    Collector items = new Collector(Long.MAX_VALUE);
    db.itemCount().subscribe(items);
    assertEquals(2L, items.next());
    Thread writer = new Thread(() -> db.deleteOrder(10));
    writer.start();
    writer.join();
    assertEquals(0L, items.next());
  }
}
