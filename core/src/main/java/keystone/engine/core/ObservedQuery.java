package keystone.engine.core;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import keystone.engine.spi.Observed;

/**
 * A query re-run for each subscriber whenever a table it reads changes. Backpressure by
 * conflation: an invalidation only marks the subscription dirty, and a run happens when the
 * subscriber has demand, so it always sees the latest state and never a queue of stale ones.
 * No {@code java.util.concurrent.Flow} here (Android API 30+): the generated code adapts.
 */
final class ObservedQuery<T> implements Observed<T> {
  private final Invalidations invalidations;
  private final int[] readTables;
  private final Supplier<T> query;

  ObservedQuery(Invalidations invalidations, int[] readTables, Supplier<T> query) {
    this.invalidations = invalidations;
    this.readTables = readTables.clone();
    this.query = query;
  }

  @Override
  public void subscribe(Observer<? super T> subscriber) {
    Subscription subscription = new Subscription(subscriber);
    invalidations.watch(subscription);
    subscriber.onSubscribe(subscription);
  }

  /** One subscriber's state; drains run one at a time on the observer executor. */
  final class Subscription implements Demand {
    private final Observer<? super T> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean dirty = true;
    private volatile boolean done;

    Subscription(Observer<? super T> subscriber) {
      this.subscriber = subscriber;
    }

    boolean reads(boolean[] changed) {
      for (int table : readTables) {
        if (changed[table]) {
          return true;
        }
      }
      return false;
    }

    void invalidate() {
      dirty = true;
      schedule();
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        cancel();
        subscriber.onError(new IllegalArgumentException("request(" + n + "): must be positive"));
        return;
      }
      demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      schedule();
    }

    @Override
    public void cancel() {
      done = true;
      invalidations.unwatch(this);
    }

    void complete() {
      if (!done) {
        done = true;
        subscriber.onComplete();
      }
    }

    private void schedule() {
      if (!done && wip.getAndIncrement() == 0) {
        try {
          invalidations.executor().execute(this::drain);
        } catch (RejectedExecutionException closed) {
          wip.set(0);
        }
      }
    }

    private void drain() {
      int missed = 1;
      do {
        while (!done && dirty && demand.get() > 0) {
          dirty = false;
          T value;
          try {
            value = query.get();
          } catch (RuntimeException | Error e) {
            cancel();
            subscriber.onError(e);
            return;
          }
          if (value != null && !done) {
            if (demand.get() != Long.MAX_VALUE) {
              demand.decrementAndGet();
            }
            subscriber.onNext(value);
          }
        }
        missed = wip.addAndGet(-missed);
      } while (missed != 0);
    }
  }
}
