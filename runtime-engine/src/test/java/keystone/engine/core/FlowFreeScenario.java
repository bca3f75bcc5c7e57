package keystone.engine.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import keystone.engine.spi.FlowPublisher;
import keystone.engine.spi.Observed;
import keystone.engine.spi.ReactiveStreamsPublisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * An observed query subscribed the way the code generated for RxJava subscribes it (a Reactive
 * Streams subscriber on {@link ReactiveStreamsPublisher}), then a commit, then the close; or,
 * with {@code throughFlow}, through {@link FlowPublisher}. Run by {@link WithoutFlowTest} in a
 * class loader that has no {@code java.util.concurrent.Flow}, as Android before API 30.
 */
public final class FlowFreeScenario implements Supplier<List<String>> {
  private final boolean throughFlow;

  public FlowFreeScenario(boolean throughFlow) {
    this.throughFlow = throughFlow;
  }

  @Override
  public List<String> get() {
    List<String> seen = new ArrayList<>();
    AtomicInteger runs = new AtomicInteger();
    Invalidations invalidations = new Invalidations(1, new DirectExecutor());
    Observed<Integer> observed = invalidations.observe(new int[] {0}, runs::incrementAndGet);
    if (throughFlow) {
      FlowPublisher.of(observed);
    }
    ReactiveStreamsPublisher.of(observed).subscribe(new Recorder(seen));
    invalidations.mark(new int[] {0});
    invalidations.transactionEnded(true);
    invalidations.close();
    return seen;
  }

  private record Recorder(List<String> seen) implements Subscriber<Integer> {
    @Override
    public void onSubscribe(Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Integer value) {
      seen.add("next " + value);
    }

    @Override
    public void onError(Throwable error) {
      seen.add("error " + error);
    }

    @Override
    public void onComplete() {
      seen.add("complete");
    }
  }
}
