package keystone.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * A short read-then-write transaction (the user read, an order and three items written) through
 * {@code runInTransaction(body)} and through {@code runInTransaction(Retry.transientFailures(5),
 * body)}: what the retrying variant costs when nothing fails. Hand JDBC runs the same statements,
 * with and without a hand-written retry loop.
 */
public class RetryBench extends Keys {
  @Param({"false", "true"})
  public boolean retry;

  long userId;

  @Setup(Level.Trial)
  public void open() {
    start("retry");
    userId = fx.seedUsers(1)[0];
  }

  @Setup(Level.Iteration)
  public void empty() {
    fx.admin.exec("DELETE FROM orders");
  }

  @Benchmark
  public long transaction() {
    return keys.placeOrder(userId, retry);
  }
}
