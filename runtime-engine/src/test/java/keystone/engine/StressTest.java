package keystone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import keystone.engine.fixture.ShopDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight threads mix inserts, cascading deletes, RESTRICT-blocked deletes and reads, a fixed number
 * of operations each (not a fixed time, so a slow machine does the same work, only later);
 * afterwards every table holds exactly what the successful operations imply and no key is
 * violated.
 */
class StressTest {
  private static final int THREADS = 8;
  private static final int OPERATIONS = 800;

  @TempDir Path dir;

  private final AtomicLong nextId = new AtomicLong(1);
  private final AtomicLong usersInserted = new AtomicLong();
  private final AtomicLong usersDeleted = new AtomicLong();
  private final AtomicLong ordersInserted = new AtomicLong();
  private final AtomicLong ordersDeleted = new AtomicLong();
  private final AtomicLong itemsInserted = new AtomicLong();
  private final AtomicLong itemsCascaded = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong reads = new AtomicLong();

  @Test
  void mixedLoadLeavesConsistentCounts() throws Exception {
    try (ShopDb db = Keystone.builder(ShopDb.class).path(dir.resolve("s.db")).readers(3).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        long seed = 1000 + t;
        workers.add(pool.submit(() -> work(db, new Random(seed))));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      pool.shutdown();

      System.out.printf(
          "stress: %d users in, %d out; %d orders in, %d out; %d items in, %d cascaded;"
              + " %d refused; %d reads%n",
          usersInserted.get(), usersDeleted.get(), ordersInserted.get(), ordersDeleted.get(),
          itemsInserted.get(), itemsCascaded.get(), refused.get(), reads.get());
      assertEquals(List.of(), db.checkForeignKeys());
      assertEquals(usersInserted.get() - usersDeleted.get(), count(db, "users"));
      assertEquals(ordersInserted.get() - ordersDeleted.get(), count(db, "orders"));
      assertEquals(itemsInserted.get() - itemsCascaded.get(), count(db, "items"));
      assertTrue(refused.get() > 0, "some operations should have been refused");
      assertTrue(ordersDeleted.get() > 0 && usersDeleted.get() > 0 && reads.get() > 0);
    }
  }

  /**
   * More threads than the one reader: a released reader goes to the next call through a spare slot or,
   * when a thread waits, through the queue. A release the waiter missed would leave it waiting
   * out the whole acquire timeout, so every read must finish well inside a short one.
   */
  @Test
  void readersAreHandedOnUnderContention() throws Exception {
    try (ShopDb db = Keystone.builder(ShopDb.class).path(dir.resolve("r.db")).readers(1)
        .acquireTimeout(java.time.Duration.ofSeconds(5)).build()) {
      db.insertUser(1, "ada");
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<Long>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(pool.submit(() -> {
          long total = 0;
          for (int i = 0; i < 2_000; i++) {
            total += count(db, "users");
          }
          return total;
        }));
      }
      for (Future<Long> worker : workers) {
        assertEquals(2_000L, worker.get());
      }
      pool.shutdown();
    }
  }

  private void work(ShopDb db, Random random) {
    for (int i = 0; i < OPERATIONS; i++) {
      int op = random.nextInt(100);
      long someId = 1 + random.nextInt((int) Math.max(1, nextId.get()));
      try {
        if (op < 25) {
          db.insertUser(nextId.getAndIncrement(), "u");
          usersInserted.incrementAndGet();
        } else if (op < 50) {
          db.insertOrder(nextId.getAndIncrement(), someId);
          ordersInserted.incrementAndGet();
        } else if (op < 70) {
          db.execute("INSERT INTO items (id, order_id) VALUES (?, ?)", nextId.getAndIncrement(), someId);
          itemsInserted.incrementAndGet();
        } else if (op < 80) {
          deleteOrder(db, someId);
        } else if (op < 90) {
          if (db.deleteUser(someId) == 1) {
            usersDeleted.incrementAndGet();
          }
        } else {
          db.query("SELECT count(*) FROM orders JOIN items ON items.order_id = orders.id");
          reads.incrementAndGet();
        }
      } catch (ForeignKeyViolationException | UniqueViolationException expected) {
        refused.incrementAndGet();
      }
    }
  }

  private void deleteOrder(ShopDb db, long id) {
    long[] cascaded = new long[1];
    int deleted =
        db.callInTransaction(
            () -> {
              cascaded[0] =
                  (Long) db.query("SELECT count(*) FROM items WHERE order_id = ?", id).get(0)[0];
              return db.deleteOrder(id);
            });
    if (deleted == 1) {
      ordersDeleted.incrementAndGet();
      itemsCascaded.addAndGet(cascaded[0]);
    }
  }

  private static long count(ShopDb db, String table) {
    return (Long) db.query("SELECT count(*) FROM " + table).get(0)[0];
  }
}
