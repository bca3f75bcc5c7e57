package keystone.tests.observe;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A subscriber that records what it is sent, and on which thread. */
final class Probe<T> implements Flow.Subscriber<T> {
  final BlockingQueue<T> values = new LinkedBlockingQueue<>();
  final List<Thread> threads = new ArrayList<>();
  final List<Throwable> errors = new ArrayList<>();
  volatile Flow.Subscription subscription;

  static <T> Probe<T> subscribe(Flow.Publisher<T> publisher) {
    Probe<T> probe = new Probe<>();
    publisher.subscribe(probe);
    return probe;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public synchronized void onNext(T item) {
    threads.add(Thread.currentThread());
    values.add(item);
  }

  @Override
  public synchronized void onError(Throwable t) {
    errors.add(t);
  }

  @Override
  public void onComplete() {}

  /** Waits for a value that {@code wanted} accepts; values conflated on the way are skipped. */
  T await(Predicate<T> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<T> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      T v = values.poll(100, TimeUnit.MILLISECONDS);
      if (v != null) {
        if (wanted.test(v)) {
          return v;
        }
        seen.add(v);
      }
    }
    return fail("no wanted value; saw " + seen + ", errors " + errors);
  }

  /**
   * The next value, which the caller makes come by a write that must emit: asserting on it
   * shows that nothing came between, with no time window that a late emission could slip past.
   * The wait is only a bound for a failing test.
   */
  T next() throws InterruptedException {
    T v = values.poll(10, TimeUnit.SECONDS);
    return v != null ? v : fail("nothing came; errors " + errors);
  }
}
