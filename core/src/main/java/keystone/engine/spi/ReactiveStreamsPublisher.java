package keystone.engine.spi;

import java.util.Objects;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * An {@link Observed} query as a Reactive Streams {@code Publisher}, which RxJava's
 * {@code Flowable.fromPublisher} takes: the generated code of a DAO method returning
 * {@code Flowable} or {@code Observable} uses it. It needs no {@code java.util.concurrent.Flow},
 * so RxJava observers work on Android 9 and 10 (API 28-29). Reactive Streams comes with RxJava;
 * Keystone depends on it only optionally.
 */
public final class ReactiveStreamsPublisher<T> implements Publisher<T> {
  private final Observed<T> observed;

  private ReactiveStreamsPublisher(Observed<T> observed) {
    this.observed = observed;
  }

  public static <T> Publisher<T> of(Observed<T> observed) {
    return new ReactiveStreamsPublisher<>(observed);
  }

  @Override
  public void subscribe(Subscriber<? super T> subscriber) {
    observed.subscribe(new ToSubscriber<>(Objects.requireNonNull(subscriber, "subscriber")));
  }

  private static final class ToSubscriber<T> implements Observed.Observer<T> {
    private final Subscriber<? super T> subscriber;

    ToSubscriber(Subscriber<? super T> subscriber) {
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

  private static final class ToSubscription implements Subscription {
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
