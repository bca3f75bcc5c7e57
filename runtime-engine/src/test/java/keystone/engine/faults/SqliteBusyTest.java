package keystone.engine.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import keystone.engine.DatabaseBusyException;
import keystone.engine.Keystone;
import keystone.engine.Retry;
import keystone.engine.fixture.ShopDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second JVM holds the file's write lock ({@code BEGIN IMMEDIATE}) with a row of its own
 * uncommitted: writes wait the busy timeout and fail typed, reads go on in WAL, and Retry runs
 * the transaction again once the other process lets go.
 */
class SqliteBusyTest {
  private static final Duration BUSY = Duration.ofMillis(300);

  @TempDir Path dir;
  Path file;
  ShopDb db;

  @BeforeEach
  void open() {
    file = dir.resolve("busy.db");
    db = Keystone.builder(ShopDb.class).path(file).busyTimeout(BUSY).build();
    db.insertUser(1, "ada");
    db.insertOrder(10, 1);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private List<Long> userIds() {
    List<Long> ids = new ArrayList<>();
    for (Object[] row : db.query("SELECT id FROM users ORDER BY id")) {
      ids.add((Long) row[0]);
    }
    return ids;
  }

  @Test
  void aWriteWaitsTheBusyTimeoutThenFailsTypedAndReadsGoOn() throws Exception {
    try (OtherProcess other = OtherProcess.holdingWriteLock(file)) {
      // WAL: the reader sees the last commit, not the other process's row, and does not wait.
      assertEquals(List.of(1L), userIds());
      long start = System.nanoTime();
      DatabaseBusyException e =
          assertThrows(DatabaseBusyException.class, () -> db.insertUser(2, "grace"));
      long waited = (System.nanoTime() - start) / 1_000_000;
      assertTrue(waited >= BUSY.toMillis() - 20, "gave up after " + waited + " ms");
      assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
      assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
      assertEquals(file, e.file());
      assertEquals(BUSY, e.waited());
      assertTrue(Retry.isTransient(e));
      // A transaction fails at its BEGIN, before its body has done anything.
      AtomicInteger bodies = new AtomicInteger();
      assertThrows(DatabaseBusyException.class,
          () -> db.runInTransaction(() -> bodies.incrementAndGet()));
      assertEquals(0, bodies.get());
      other.end("rollback");
    }
    assertEquals(List.of(1L), userIds());
    db.insertUser(2, "grace");
    assertEquals(List.of(1L, 2L), userIds());
    assertEquals(List.of(), db.checkForeignKeys());
  }

  @Test
  void retryRunsTheTransactionAgainOnceTheOtherProcessCommits() throws Exception {
    try (OtherProcess other = OtherProcess.holdingWriteLock(file)) {
      List<Duration> pauses = new ArrayList<>();
      AtomicInteger bodies = new AtomicInteger();
      Retry retry = new Retry(3, Duration.ofMillis(5), Duration.ofMillis(5)).withSleeper(pause -> {
        pauses.add(pause);
        other.end("commit");
      });
      db.runInTransaction(retry, () -> {
        bodies.incrementAndGet();
        db.insertUser(3, "linus");
        db.insertOrder(30, 3);
      });
      assertEquals(1, bodies.get(), "the first attempt failed at BEGIN, before the body");
      assertEquals(1, pauses.size());
    }
    // The other process's commit and ours, nothing lost.
    assertEquals(List.of(1L, 3L, 50L), userIds());
    assertEquals(2L, db.query("SELECT count(*) FROM orders").get(0)[0]);
    assertEquals(List.of(), db.checkForeignKeys());
  }

  @Test
  void retryGivesUpWithTheAttemptCount() throws Exception {
    try (OtherProcess other = OtherProcess.holdingWriteLock(file)) {
      List<Duration> pauses = new ArrayList<>();
      DatabaseBusyException e = assertThrows(DatabaseBusyException.class,
          () -> db.runInTransaction(
              new Retry(2, Duration.ofMillis(5), Duration.ofMillis(5)).withSleeper(pauses::add),
              () -> db.insertUser(4, "never")));
      assertEquals(2, e.attempts());
      assertTrue(e.getMessage().endsWith("(after 2 attempts)"), e.getMessage());
      assertEquals(1, pauses.size());
      other.end("rollback");
    }
    assertEquals(List.of(1L), userIds());
    assertEquals(List.of(), db.checkForeignKeys());
  }
}
