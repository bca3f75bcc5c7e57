package keystone.engine.sqlite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import keystone.engine.KeystoneException;
import keystone.engine.sqlite.FailureHandler;
import keystone.engine.sqlite.driver.SqliteDriver;
import keystone.engine.sqlite.SqliteConnection;

/**
 * Read-only connections beside the writer, as Room pools them: in WAL mode readers see the last
 * commit and never block the writer (https://www.sqlite.org/wal.html#concurrency). A thread that
 * holds the writer reads through it instead, so it sees its own uncommitted writes.
 */
final class Readers {
  /**
   * The last reader released, for the next call to take with one atomic swap: a single thread's
   * reads (the common case) never touch the queue and its lock. A waiter makes releases use the
   * queue, where it waits.
   */
  private final AtomicReference<ReaderScope> spare = new AtomicReference<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final BlockingQueue<ReaderScope> idle;
  private final List<ReaderScope> all = new ArrayList<>();
  private final long timeoutNanos;
  private final Consumer<String> trace;
  private volatile boolean closed;

  private Readers(int count, Duration timeout, Consumer<String> trace) {
    this.idle = new ArrayBlockingQueue<>(Math.max(1, count));
    this.timeoutNanos = timeout.toNanos();
    this.trace = trace;
  }

  static Readers open(
      SqliteDriver driver, Path file, int count, Duration timeout, Consumer<String> trace,
      FailureHandler failures) {
    Readers readers = new Readers(count, timeout, trace);
    try {
      for (int i = 0; i < count; i++) {
        ReaderScope scope =
            new ReaderScope(readers, SqliteConnection.open(driver, file, true, failures));
        readers.all.add(scope);
        readers.idle.add(scope);
      }
    } catch (RuntimeException e) {
      readers.close();
      throw e;
    }
    return readers;
  }

  Consumer<String> trace() {
    return trace;
  }

  boolean isEmpty() {
    return all.isEmpty();
  }

  ReaderScope acquire() {
    if (closed) {
      // close() took the idle readers away: waiting for one would last the whole timeout.
      throw new KeystoneException("The database is closed");
    }
    if (Thread.currentThread().isInterrupted()) {
      // As the queue's wait would: a call on an interrupted thread fails before it reads, and
      // the interrupt status stays set.
      throw new KeystoneException(
          "Interrupted while waiting for a read connection", new InterruptedException());
    }
    ReaderScope scope = spare.getAndSet(null);
    if (scope == null) {
      scope = idle.poll();
    }
    if (scope == null) {
      scope = await();
    }
    if (closed) {
      release(scope);
      throw new KeystoneException("The database is closed");
    }
    return scope;
  }

  /** Waits on the queue; a release that comes meanwhile goes to the queue, not the spare slot. */
  private ReaderScope await() {
    waiting.incrementAndGet();
    ReaderScope scope;
    try {
      // Released into the spare slot before this waiter counted: it would wait there unseen.
      scope = spare.getAndSet(null);
      if (scope == null) {
        scope = idle.poll(timeoutNanos, TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeystoneException("Interrupted while waiting for a read connection", e);
    } finally {
      waiting.decrementAndGet();
    }
    if (scope == null) {
      throw new KeystoneException(
          "No read connection became free within " + Duration.ofNanos(timeoutNanos).toMillis()
              + " ms; " + all.size() + " are busy. Raise Keystone.builder(...).readers(n), or"
              + " look for reads that never finish (an unclosed Publisher or a slow consumer)");
    }
    return scope;
  }

  void release(ReaderScope scope) {
    if (closed) {
      scope.connection().close();
      return;
    }
    if (waiting.get() > 0 || !spare.compareAndSet(null, scope)) {
      idle.add(scope);
      return;
    }
    // A waiter that counted itself after the check above may already be waiting on the queue.
    if (waiting.get() > 0 && spare.compareAndSet(scope, null)) {
      idle.add(scope);
    }
    if (closed) {
      drainSpare();
    }
  }

  private void drainSpare() {
    ReaderScope scope = spare.getAndSet(null);
    if (scope != null) {
      scope.connection().close();
    }
  }

  /** Closes idle readers now; a reader still in use is closed when its call ends. */
  void close() {
    closed = true;
    drainSpare();
    ReaderScope scope;
    while ((scope = idle.poll()) != null) {
      scope.connection().close();
    }
  }
}
