package keystone.engine.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import keystone.engine.spi.Observed;

/**
 * Which tables the open transaction changed, and who is watching which tables. Marks are set by
 * the thread that holds the writer and handed to the observers only when the transaction
 * commits, so a rolled-back transaction emits nothing. Shared by both engines.
 */
public final class Invalidations {
  private final boolean[] marked;
  private boolean anyMarked;
  private final List<ObservedQuery<?>.Subscription> watchers = new CopyOnWriteArrayList<>();
  private ExecutorService executor;

  public Invalidations(int tables) {
    this.marked = new boolean[tables];
  }

  /**
   * Re-runs on {@code executor}: a test passes one that runs each task at once, so that whether
   * a commit re-ran a query is settled when the commit returns, with no waiting for threads.
   */
  Invalidations(int tables, ExecutorService executor) {
    this(tables);
    this.executor = executor;
  }

  /** Called by the writer's owner. */
  public void mark(int[] tables) {
    for (int table : tables) {
      marked[table] = true;
    }
    anyMarked = true;
  }

  /** Raw SQL could have changed any table. */
  public void markAll() {
    java.util.Arrays.fill(marked, true);
    anyMarked = true;
  }

  /** The outermost transaction ended; on commit its marks go out to the watchers. */
  public void transactionEnded(boolean committed) {
    if (!anyMarked) {
      return;
    }
    if (committed) {
      for (ObservedQuery<?>.Subscription watcher : watchers) {
        if (watcher.reads(marked)) {
          watcher.invalidate();
        }
      }
    }
    java.util.Arrays.fill(marked, false);
    anyMarked = false;
  }

  public <T> Observed<T> observe(int[] readTables, Supplier<T> query) {
    return new ObservedQuery<>(this, readTables, query);
  }

  void watch(ObservedQuery<?>.Subscription watcher) {
    watchers.add(watcher);
  }

  void unwatch(ObservedQuery<?>.Subscription watcher) {
    watchers.remove(watcher);
  }

  /** Re-runs happen here, never on the committing thread. */
  synchronized ExecutorService executor() {
    if (executor == null) {
      executor =
          Executors.newCachedThreadPool(
              runnable -> {
                Thread thread = new Thread(runnable, "keystone-observer");
                thread.setDaemon(true);
                return thread;
              });
    }
    return executor;
  }

  /** The database closed: every subscriber completes. */
  public void close() {
    for (ObservedQuery<?>.Subscription watcher : watchers) {
      watcher.complete();
    }
    watchers.clear();
    synchronized (this) {
      if (executor != null) {
        executor.shutdown();
      }
    }
  }
}
