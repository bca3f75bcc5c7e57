package keystone.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Deletes one order with 10 / 100 / 1000 items: by ON DELETE CASCADE, or by the application
 * deleting the items first (both in one transaction).
 */
public class CascadeBench extends Keys {
  @Param({"10", "100", "1000"})
  public int children;

  @Param({"true", "false"})
  public boolean cascade;

  long userId;
  long orderId;

  @Setup(Level.Trial)
  public void open() {
    start("cascade");
    userId = fx.seedUsers(1)[0];
  }

  @Setup(Level.Invocation)
  public void fill() {
    orderId = fx.seedOrder(userId, children);
  }

  @Benchmark
  public void deleteParent() {
    keys.deleteOrder(orderId, cascade);
  }
}
