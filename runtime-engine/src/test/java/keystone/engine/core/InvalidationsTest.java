package keystone.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import keystone.engine.spi.Observed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which commits re-run an observed query, settled without threads: re-runs happen on the
 * committing thread here, so that "nothing was emitted" is a fact when the commit returns, not a
 * guess after a wait. (ObserverTest covers the same through the real observer threads.)
 */
class InvalidationsTest {
  private static final int ORDERS = 0;
  private static final int TAGS = 1;

  private final AtomicInteger runs = new AtomicInteger();
  private final List<Integer> emitted = new ArrayList<>();
  private Invalidations invalidations;
  private Observed.Demand subscription;

  @BeforeEach
  void subscribe() {
    invalidations = new Invalidations(2, new DirectExecutor());
    invalidations.observe(new int[] {ORDERS}, runs::incrementAndGet).subscribe(
        new Observed.Observer<Integer>() {
          @Override
          public void onSubscribe(Observed.Demand s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(Integer item) {
            emitted.add(item);
          }

          @Override
          public void onError(Throwable t) {
            throw new AssertionError(t);
          }

          @Override
          public void onComplete() {}
        });
    assertEquals(List.of(1), emitted, "the first value comes on subscribing");
  }

  private void commit(boolean committed, int... tables) {
    invalidations.mark(tables);
    invalidations.transactionEnded(committed);
  }

  @Test
  void aCommitToATableTheQueryReadsReRunsItOnce() {
    commit(true, ORDERS, TAGS);
    assertEquals(List.of(1, 2), emitted);
  }

  @Test
  void aCommitToATableTheQueryDoesNotReadReRunsNothing() {
    commit(true, TAGS);
    assertEquals(1, runs.get());
    assertEquals(List.of(1), emitted);
  }

  @Test
  void aRollbackReRunsNothingAndForgetsItsMarks() {
    commit(false, ORDERS);
    assertEquals(1, runs.get());
    commit(true, TAGS);
    assertEquals(List.of(1), emitted, "the rolled-back mark did not carry into the next commit");
  }

  @Test
  void aCancelledSubscriptionIsNotReRun() {
    subscription.cancel();
    commit(true, ORDERS);
    assertEquals(1, runs.get());
  }

}
