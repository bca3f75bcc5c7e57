package keystone.engine.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import keystone.engine.ConnectionLostException;
import keystone.engine.Keystone;
import keystone.engine.Retry;
import keystone.engine.fixture.PgShopDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server stopped and started again under an open database, and the failures PostgreSQL asks
 * the client to retry, made for real by two transactions: a serialization failure (40001) and a
 * deadlock (40P01).
 */
class PgRestartAndRetryTest {
  private static final Duration ACQUIRE = Duration.ofSeconds(2);

  @TempDir static Path data;
  static PgServer server;
  static ExecutorService threads;

  @BeforeAll
  static void start() throws Exception {
    server = new PgServer(data.resolve("pgdata"));
    threads = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stop() throws Exception {
    threads.shutdownNow();
    server.close();
  }

  private static List<Object> column(PgShopDb db, String sql) {
    List<Object> values = new ArrayList<>();
    for (Object[] row : db.query(sql)) {
      values.add(row[0]);
    }
    return values;
  }

  @Test
  void theSameDatabaseWorksAfterARestartAndFailsFastWhileTheServerIsDown() throws Exception {
    String url = server.freshDatabase();
    try (PgShopDb db = Keystone.builder(PgShopDb.class).postgres(url).acquireTimeout(ACQUIRE)
        .build()) {
      db.insertUser(1, "ada");
      db.runInTransaction(() -> {
        db.insertUser(2, "grace");
        db.insertOrder(20, 2);
      });
      server.stop();
      try {
        long start = System.nanoTime();
        ConnectionLostException read =
            assertThrows(ConnectionLostException.class, () -> column(db, "SELECT id FROM users"));
        assertFalse(read.commitOutcomeUnknown());
        AtomicInteger bodies = new AtomicInteger();
        ConnectionLostException write = assertThrows(ConnectionLostException.class,
            () -> db.runInTransaction(() -> {
              bodies.incrementAndGet();
              db.insertUser(3, "never");
            }));
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertFalse(write.commitOutcomeUnknown());
        assertTrue(write.getMessage().contains("acquireTimeout"), write.getMessage());
        assertEquals(0, bodies.get(), "it fails at its start, before the body runs");
        // Two calls, each bounded by acquireTimeout (plus what a loaded machine adds).
        assertTrue(elapsed < 2 * ACQUIRE.toMillis() + 3_000, "took " + elapsed + " ms");
      } finally {
        server.start();
      }
      // The same object, not reopened: committed rows all there, nothing of the failed calls.
      assertEquals(List.of(1L, 2L), column(db, "SELECT id FROM users ORDER BY id"));
      db.insertUser(3, "linus");
      db.insertOrder(30, 3);
      assertEquals(List.of(20L, 30L), column(db, "SELECT id FROM orders ORDER BY id"));
      assertEquals(List.of(), db.checkForeignKeys());
      // quick_check is SQLite's: PostgreSQL says so rather than answer "sound" unchecked.
      UnsupportedOperationException noCheck =
          assertThrows(UnsupportedOperationException.class, db::checkIntegrity);
      assertTrue(noCheck.getMessage().contains("amcheck"), noCheck.getMessage());
    }
  }

  /** Two transactions on their own threads, each under {@code retry}; both must commit. */
  private static void runBoth(PgShopDb db, Retry retry, Runnable first, Runnable second)
      throws Exception {
    Future<?> a = threads.submit(() -> db.runInTransaction(retry, logged(first)));
    Future<?> b = threads.submit(() -> db.runInTransaction(retry, logged(second)));
    a.get(60, TimeUnit.SECONDS);
    b.get(60, TimeUnit.SECONDS);
  }

  static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());

  private static Runnable logged(Runnable body) {
    return () -> {
      try {
        body.run();
      } catch (RuntimeException e) {
        LOG.add(e.toString() + " / " + e.getCause());
        throw e;
      }
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(60, TimeUnit.SECONDS), "the other transaction never got there");
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aSerializationFailureBetweenTwoSerializableTransactionsIsRetried() throws Exception {
    String url = server.freshDatabase("default_transaction_isolation = 'serializable'");
    try (PgShopDb db = Keystone.builder(PgShopDb.class).postgres(url).build()) {
      db.insertUser(1, "ada");
      CountDownLatch bothRead = new CountDownLatch(2);
      AtomicInteger bodies = new AtomicInteger();
      List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
      Retry retry =
          new Retry(5, Duration.ofMillis(1), Duration.ofMillis(5)).withSleeper(pauses::add);
      // Write skew: each counts the users, then adds one; serially the second would count two.
      java.util.function.LongFunction<Runnable> addUser = id -> () -> {
        bodies.incrementAndGet();
        long seen = (Long) db.query("SELECT count(*) FROM users").get(0)[0];
        bothRead.countDown();
        await(bothRead);
        db.insertUser(id, "saw " + seen);
      };
      runBoth(db, retry, addUser.apply(2), addUser.apply(3));
      // One ran again (once, unless it collided again with the other's commit on a busy
      // machine); serializable means the last run of one saw the other's row.
      assertTrue(bodies.get() >= 3, "one of the two ran again");
      assertEquals(bodies.get() - 2, pauses.size());
      assertEquals(List.of("ada", "saw 1", "saw 2"),
          column(db, "SELECT name FROM users ORDER BY name"));
      assertEquals(List.of(), db.checkForeignKeys());
    }
  }

  @Test
  void aDeadlockBetweenTwoTransactionsIsRetried() throws Exception {
    String url = server.freshDatabase("deadlock_timeout = '100ms'");
    try (PgShopDb db = Keystone.builder(PgShopDb.class).postgres(url).build()) {
      db.insertUser(1, "one");
      db.insertUser(2, "two");
      CountDownLatch bothLocked = new CountDownLatch(2);
      AtomicInteger bodies = new AtomicInteger();
      List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
      Retry retry =
          new Retry(5, Duration.ofMillis(1), Duration.ofMillis(5)).withSleeper(pauses::add);
      String append = "UPDATE users SET name = name || ? WHERE id = ?";
      runBoth(db, retry,
          () -> {
            bodies.incrementAndGet();
            db.execute(append, "+a", 1L);
            bothLocked.countDown();
            await(bothLocked);
            db.execute(append, "+a", 2L);
          },
          () -> {
            bodies.incrementAndGet();
            db.execute(append, "+b", 2L);
            bothLocked.countDown();
            await(bothLocked);
            db.execute(append, "+b", 1L);
          });
      // The victim ran again (once, unless the machine's pace made the two collide again);
      // without Retry its 40P01 would have failed the Future above.
      assertTrue(bodies.get() >= 3, "the deadlock's victim ran again " + LOG);
      assertEquals(bodies.get() - 2, pauses.size(), LOG::toString);
      for (Object name : column(db, "SELECT name FROM users ORDER BY id")) {
        String text = (String) name;
        assertEquals(1, text.split("\\+a", -1).length - 1, text);
        assertEquals(1, text.split("\\+b", -1).length - 1, text);
      }
    }
  }
}
