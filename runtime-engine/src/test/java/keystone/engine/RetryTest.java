package keystone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
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
}
