package keystone.tests.shapes;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A subscriber that keeps what it is sent, for tests that wait for a wanted value. */
final class Latest<T> implements Flow.Subscriber<T> {
  private final BlockingQueue<Object> values = new LinkedBlockingQueue<>();

  static <T> Latest<T> of(Flow.Publisher<T> publisher) {
    Latest<T> latest = new Latest<>();
    publisher.subscribe(latest);
    return latest;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(T item) {
    values.add(item);
  }

  @Override
  public void onError(Throwable t) {
    values.add(t);
  }

  @Override
  public void onComplete() {}

  /** The first value {@code wanted} accepts within 10 s; throws with what came instead. */
  @SuppressWarnings("unchecked")
  T await(Predicate<T> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    java.util.List<Object> seen = new java.util.ArrayList<>();
    while (System.nanoTime() < deadline) {
      Object v = values.poll(100, TimeUnit.MILLISECONDS);
      if (v instanceof Throwable t) {
        throw new AssertionError("onError", t);
      }
      if (v != null && wanted.test((T) v)) {
        return (T) v;
      }
      if (v != null) {
        seen.add(v);
      }
    }
    throw new AssertionError("no wanted value; saw " + seen);
  }
}
