package keystone.engine.spi;

import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * An {@link Observed} query as a {@code Flow.Publisher}, for the DAO methods that declare one.
 * Together with its nested classes, the only code of Keystone's runtime that loads
 * {@code java.util.concurrent.Flow}, which Android has from API 30 only.
 */
public final class FlowPublisher<T> implements Flow.Publisher<T> {
  private final Observed<T> observed;

  private FlowPublisher(Observed<T> observed) {
    this.observed = observed;
  }

  public static <T> Flow.Publisher<T> of(Observed<T> observed) {
    return new FlowPublisher<>(observed);
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    observed.subscribe(new ToSubscriber<>(Objects.requireNonNull(subscriber, "subscriber")));
  }

  private static final class ToSubscriber<T> implements Observed.Observer<T> {
    private final Flow.Subscriber<? super T> subscriber;

    ToSubscriber(Flow.Subscriber<? super T> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void onSubscribe(Observed.Demand demand) {
      subscriber.onSubscribe(new ToSubscription(demand));
    }

    @Override
    public void onNext(T value) {
      subscriber.onNext(value);
    }

    @Override
    public void onError(Throwable error) {
      subscriber.onError(error);
    }

    @Override
    public void onComplete() {
      subscriber.onComplete();
    }
  }

  private static final class ToSubscription implements Flow.Subscription {
    private final Observed.Demand demand;

    ToSubscription(Observed.Demand demand) {
      this.demand = demand;
    }

    @Override
    public void request(long n) {
      demand.request(n);
    }

    @Override
    public void cancel() {
      demand.cancel();
    }
  }
}
