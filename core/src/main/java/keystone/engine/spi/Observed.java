package keystone.engine.spi;

/**
 * An observed query as an engine makes it, before the generated code adapts it to what the DAO
 * method returns: a {@code Flow.Publisher} ({@link FlowPublisher}) or RxJava's {@code Flowable}
 * and {@code Observable} ({@link ReactiveStreamsPublisher}). The contract is Reactive Streams'
 * ({@code onSubscribe} first, values only as requested, then at most one of {@code onError} and
 * {@code onComplete}); the types are Keystone's own because {@code java.util.concurrent.Flow} is
 * absent from Android before API 30, and observing through RxJava must not need it there.
 */
public interface Observed<T> {
  void subscribe(Observer<? super T> observer);

  /** Receives an observed query's values: a Reactive Streams subscriber. */
  interface Observer<T> {
    void onSubscribe(Demand demand);

    void onNext(T value);

    void onError(Throwable error);

    void onComplete();
  }

  /** An observer's handle on its subscription: a Reactive Streams subscription. */
  interface Demand {
    void request(long n);

    void cancel();
  }
}
