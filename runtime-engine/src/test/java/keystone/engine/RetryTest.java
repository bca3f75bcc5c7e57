package keystone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import keystone.engine.fixture.ShopDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serialization failures (SQLSTATE 40001) injected into the body, as a distributed engine sends them. */
class RetryTest {
  @TempDir Path dir;
  ShopDb db;

  @BeforeEach
  void open() {
    db = Keystone.open(ShopDb.class, dir.resolve("shop.db"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static KeystoneException serializationFailure() {
    return new KeystoneException(
        "could not serialize access",
        new SQLException("could not serialize access due to concurrent update", "40001"));
  }

  private long users() {
    return (Long) db.query("SELECT count(*) FROM users").get(0)[0];
  }

  @Test
  void retriesTransientFailuresAndCommitsOnce() {
    AtomicInteger attempts = new AtomicInteger();
    db.runInTransaction(
        new Retry(5, Duration.ofMillis(1), Duration.ofMillis(5)),
        () -> {
          int attempt = attempts.incrementAndGet();
          db.insertUser(attempt, "attempt " + attempt);
          if (attempt < 3) {
            throw serializationFailure();
          }
        });
    assertEquals(3, attempts.get());
    assertEquals(1, users());
    assertEquals("attempt 3", db.query("SELECT name FROM users").get(0)[0]);
  }

  @Test
  void givesUpAfterTheLastAttemptWithTheLastFailure() {
    AtomicInteger attempts = new AtomicInteger();
    KeystoneException last = serializationFailure();
    KeystoneException e =
        assertThrows(
            KeystoneException.class,
            () ->
                db.runInTransaction(
                    new Retry(3, Duration.ZERO, Duration.ZERO),
                    () -> {
                      attempts.incrementAndGet();
                      throw last;
                    }));
    assertSame(last, e);
    assertEquals(3, attempts.get());
  }

  @Test
  void otherFailuresAreNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    assertThrows(
        ForeignKeyViolationException.class,
        () ->
            db.runInTransaction(
                Retry.transientFailures(5),
                () -> {
                  attempts.incrementAndGet();
                  db.insertOrder(1, 404);
                }));
    assertEquals(1, attempts.get());
  }

  @Test
  void nestedTransactionIsNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    assertThrows(
        KeystoneException.class,
        () ->
            db.runInTransaction(
                () ->
                    db.runInTransaction(
                        Retry.transientFailures(5),
                        () -> {
                          attempts.incrementAndGet();
                          throw serializationFailure();
                        })));
    assertEquals(1, attempts.get());
  }

  @Test
  void backsOffExponentiallyWithJitterUpToTheCapAndCountsTheAttempts() {
    List<Duration> pauses = new ArrayList<>();
    Retry retry = new Retry(5, Duration.ofMillis(100), Duration.ofMillis(300))
        .withSleeper(pauses::add);
    AtomicInteger runs = new AtomicInteger();
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> db.runInTransaction(retry, () -> {
          runs.incrementAndGet();
          throw serializationFailure();
        }));
    assertEquals(5, runs.get());
    assertEquals(5, e.attempts());
    assertTrue(e.getMessage().endsWith("could not serialize access (after 5 attempts)"),
        e.getMessage());
    // Before attempts 2..5: 100, 200, 300 (capped), 300 ms, each jittered down by up to half.
    long[] ceilings = {100, 200, 300, 300};
    assertEquals(ceilings.length, pauses.size());
    for (int i = 0; i < ceilings.length; i++) {
      long ms = pauses.get(i).toMillis();
      assertTrue(ms >= ceilings[i] / 2 && ms <= ceilings[i], "pause " + i + ": " + ms + " ms");
    }
  }

  @Test
  void theJitterSpreadsThePauses() {
    Retry retry = new Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1));
    Set<Duration> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      Duration pause = retry.backoff(2);
      assertTrue(pause.toMillis() >= 50 && pause.toMillis() <= 100, pause::toString);
      seen.add(pause);
    }
    assertTrue(seen.size() > 10, "50 pauses, only " + seen.size() + " different");
  }

  @Test
  void aSuccessfulFirstAttemptNeverPausesAndAFailureNotRetriedCountsOne() {
    List<Duration> pauses = new ArrayList<>();
    db.runInTransaction(Retry.transientFailures(3).withSleeper(pauses::add),
        () -> db.insertUser(1, "ada"));
    assertEquals(List.of(), pauses);
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> db.runInTransaction(Retry.transientFailures(3).withSleeper(pauses::add),
            () -> db.insertOrder(1, 404)));
    assertEquals(1, e.attempts());
    assertFalse(e.getMessage().contains("attempts"), e.getMessage());
    assertEquals(List.of(), pauses);
  }

  @Test
  void aConnectionLostBeforeCommitIsRetriedButNeverOneLostDuringCommit() {
    List<Duration> pauses = new ArrayList<>();
    AtomicInteger runs = new AtomicInteger();
    db.runInTransaction(Retry.transientFailures(3).withSleeper(pauses::add), () -> {
      if (runs.incrementAndGet() == 1) {
        throw new ConnectionLostException("lost before COMMIT", false, null);
      }
      db.insertUser(1, "ada");
    });
    assertEquals(2, runs.get());
    runs.set(0);
    ConnectionLostException ambiguous = new ConnectionLostException("lost during COMMIT", true,
        new SQLException("terminating connection", "57P01"));
    assertSame(ambiguous, assertThrows(ConnectionLostException.class,
        () -> db.runInTransaction(Retry.transientFailures(3).withSleeper(pauses::add), () -> {
          runs.incrementAndGet();
          throw ambiguous;
        })));
    assertEquals(1, runs.get());
    assertEquals(1, pauses.size());
  }

  @Test
  void anInterruptDuringThePauseStopsTheRetries() {
    AtomicInteger runs = new AtomicInteger();
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> db.runInTransaction(
            Retry.transientFailures(5).withSleeper(pause -> {
              throw new InterruptedException();
            }),
            () -> {
              runs.incrementAndGet();
              throw serializationFailure();
            }));
    assertEquals(1, runs.get());
    assertTrue(e.getCause() instanceof InterruptedException);
    assertTrue(Thread.interrupted());
  }
}
