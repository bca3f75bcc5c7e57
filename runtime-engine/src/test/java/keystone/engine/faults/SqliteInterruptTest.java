package keystone.engine.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import keystone.engine.Keystone;
import keystone.engine.KeystoneException;
import keystone.engine.fixture.ShopDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupts on SQLite, as PgConnectionLossTest has them on PostgreSQL: the call fails typed with
 * the interrupt status kept, its transaction rolls back, and the connection serves the next call.
 */
class SqliteInterruptTest {
  @TempDir Path dir;
  ShopDb db;

  @BeforeEach
  void open() {
    db = Keystone.open(ShopDb.class, dir.resolve("shop.db"));
    db.insertUser(1, "ada");
    db.insertOrder(10, 1);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private List<Long> ids(String table) {
    List<Long> ids = new ArrayList<>();
    for (Object[] row : db.query("SELECT id FROM " + table + " ORDER BY id")) {
      ids.add((Long) row[0]);
    }
    return ids;
  }

  private void assertClean(List<Long> users, List<Long> orders) {
    assertEquals(users, ids("users"));
    assertEquals(orders, ids("orders"));
    assertEquals(List.of(), db.checkForeignKeys());
  }

  @Test
  void anInterruptedThreadsCallFailsTypedAndItsTransactionRollsBack() {
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> db.runInTransaction(() -> {
          db.insertUser(2, "grace");
          Thread.currentThread().interrupt();
          db.insertOrder(20, 2);
        }));
    assertTrue(Thread.interrupted(), "the interrupt status is kept");
    assertTrue(e.getCause() instanceof InterruptedException, e::toString);
    assertClean(List.of(1L), List.of(10L));
    db.insertUser(3, "linus");
    assertClean(List.of(1L, 3L), List.of(10L));
  }

  @Test
  void aReadOnAnInterruptedThreadFailsTypedAndTheReaderStaysUsable() {
    Thread.currentThread().interrupt();
    KeystoneException e = assertThrows(KeystoneException.class, () -> ids("users"));
    assertTrue(Thread.interrupted());
    assertTrue(e.getCause() instanceof InterruptedException, e::toString);
    assertClean(List.of(1L), List.of(10L));
  }

  /** A thread that waits for the write connection another thread's transaction holds. */
  @Test
  void anInterruptedWaiterSeesTheTypedException() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> db.runInTransaction(() -> {
      db.insertUser(2, "grace");
      holding.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }));
    holder.start();
    holding.await();
    ExecutorService one = Executors.newSingleThreadExecutor();
    try {
      Future<?> waiter = one.submit(() -> {
        Thread.currentThread().interrupt();
        db.insertUser(3, "waits");
      });
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> waiter.get(30, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof KeystoneException, e::toString);
      assertTrue(e.getCause().getCause() instanceof InterruptedException, e::toString);
    } finally {
      release.countDown();
      holder.join();
      one.shutdownNow();
    }
    assertClean(List.of(1L, 2L), List.of(10L));
  }
}
