package keystone.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to run a transaction again: after a serialization failure (SQLSTATE 40001) or a deadlock
 * (40P01), which PostgreSQL and the PostgreSQL-compatible distributed engines (CockroachDB,
 * YugabyteDB) ask the client to retry, and after SQLite's "database is locked" once its busy
 * timeout has run out. Attempts are bounded and spaced by exponential backoff with jitter.
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
 */
public record Retry(int attempts, Duration firstBackoff, Duration maxBackoff) {
  public Retry {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be >= 1, got " + attempts);
    }
  }

  /** Up to {@code attempts} runs, pausing 10 ms, 20 ms, ... up to 1 s between them. */
  public static Retry transientFailures(int attempts) {
    return new Retry(attempts, Duration.ofMillis(10), Duration.ofSeconds(1));
  }

  /** Whether {@code failure} is one a fresh attempt may not meet again. */
  public static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
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
          throw e;
        }
      }
      try {
        Thread.sleep(backoff(attempt + 1).toMillis());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new KeystoneException("Interrupted between transaction attempts", interrupted);
      }
    }
  }

  /** The pause before attempt {@code next} (2, 3, ...), with up to 50% random jitter. */
  Duration backoff(int next) {
    long base = firstBackoff.toNanos() << Math.min(next - 2, 20);
    long capped = Math.min(base, maxBackoff.toNanos());
    long jitter = capped == 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    return Duration.ofNanos(capped / 2 + jitter);
  }
}
