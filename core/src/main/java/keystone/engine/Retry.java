package keystone.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to run a transaction again: after a serialization failure (SQLSTATE 40001) or a deadlock
 * (40P01), which PostgreSQL and the PostgreSQL-compatible distributed engines (CockroachDB,
 * YugabyteDB) ask the client to retry; after a connection lost before COMMIT was sent
 * ({@link ConnectionLostException} whose outcome is known: nothing committed); and after a SQLite
 * file stayed locked past its busy timeout ({@link DatabaseBusyException}). A connection lost
 * during COMMIT is never retried: the transaction may have committed, and a second run could
 * apply it twice. Attempts are bounded and spaced by exponential backoff with jitter; the failure
 * given up with carries the number of attempts ({@link KeystoneException#attempts()}).
 *
 * <pre>{@code
 * db.runInTransaction(Retry.transientFailures(5), () -> {
 *   long stock = db.inventory().stockOf(sku);   // read again on every attempt
 *   db.inventory().setStock(sku, stock - 1);
 * });
 * }</pre>
 *
 * <p>The body runs again from the start, so it must be safe to repeat: everything it knows
 * must come from reads inside it, and it must have no effect outside the database (no e-mail
 * sent, no counter incremented in memory) until the transaction has committed. Only an outermost
 * transaction is retried; inside another one the failure goes to the caller, whose transaction
 * is the one to retry.
 *
 * @param attempts how many times the body may run in all, at least 1
 * @param firstBackoff the pause after the first failure; doubled after each further one
 * @param maxBackoff the longest pause
 * @param sleeper what pauses between attempts ({@link Thread#sleep} unless a test gives another)
 */
public record Retry(int attempts, Duration firstBackoff, Duration maxBackoff, Sleeper sleeper) {
  /** Pauses the calling thread; replaceable so that a test can see the pauses without waiting. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration pause) throws InterruptedException;
  }

  private static final Sleeper THREAD_SLEEP = pause -> Thread.sleep(pause.toMillis());

  public Retry {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be >= 1, got " + attempts);
    }
    if (firstBackoff.isNegative() || maxBackoff.isNegative()) {
      throw new IllegalArgumentException("backoffs must not be negative");
    }
    java.util.Objects.requireNonNull(sleeper, "sleeper");
  }

  /** Pauses with {@link Thread#sleep}. */
  public Retry(int attempts, Duration firstBackoff, Duration maxBackoff) {
    this(attempts, firstBackoff, maxBackoff, THREAD_SLEEP);
  }

  /** Up to {@code attempts} runs, pausing 10 ms, 20 ms, ... up to 1 s between them. */
  public static Retry transientFailures(int attempts) {
    return new Retry(attempts, Duration.ofMillis(10), Duration.ofSeconds(1));
  }

  /** The same policy, pausing through {@code other}. */
  public Retry withSleeper(Sleeper other) {
    return new Retry(attempts, firstBackoff, maxBackoff, other);
  }

  /** Whether {@code failure} is one a fresh attempt may not meet again. */
  public static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectionLostException lost) {
        return !lost.commitOutcomeUnknown();
      }
      if (t instanceof DatabaseBusyException) {
        return true;
      }
      if (t instanceof keystone.engine.sqlite.driver.DriverException sqlite
          && (sqlite.code() & 0xff) == 5) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if ("40001".equals(state) || "40P01".equals(state)) {
          return true;
        }
        // SQLITE_BUSY (5) and its extended codes, once busy_timeout has given up.
        if (sql.getClass().getName().equals("org.sqlite.SQLiteException")
            && (sql.getErrorCode() & 0xff) == 5) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Runs {@code transaction} up to {@code attempts} times while it fails transiently; an engine's
   * {@code runInTransaction(Retry, Runnable)}. {@code nested} runs it once: the outer transaction
   * is the one a retry would have to start again.
   */
  public void run(boolean nested, Runnable transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        transaction.run();
        return;
      } catch (KeystoneException e) {
        if (nested || attempt >= attempts || !isTransient(e)) {
          e.recordAttempts(attempt);
          throw e;
        }
      }
      try {
        sleeper.sleep(backoff(attempt + 1));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new KeystoneException(
            "Interrupted between transaction attempts " + attempt + " and " + (attempt + 1),
            interrupted);
      }
    }
  }

  /**
   * The pause before attempt {@code next} (2, 3, ...): {@code firstBackoff} doubled for each
   * earlier pause, capped at {@code maxBackoff}, then jittered down by up to half ("equal
   * jitter"), so that transactions that collided once do not collide again in step.
   */
  public Duration backoff(int next) {
    long base = firstBackoff.toNanos() << Math.min(next - 2, 20);
    long capped = Math.min(base < 0 ? Long.MAX_VALUE : base, maxBackoff.toNanos());
    long jitter = capped == 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    return Duration.ofNanos(capped / 2 + jitter);
  }
}
