package keystone.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * 10k rows in one transaction into order_items (foreign key on, automatic child index) or into
 * loose_items (the same columns, no key, no index).
 */
public class EnforcementBench extends Keys {
  @Param({"true", "false"})
  public boolean keyed;

  long[] orderIds;

  @Setup(Level.Trial)
  public void open() {
    start("fk");
    long[] users = fx.seedUsers(100);
    fx.seedGraph(users);
    fx.admin.exec("DELETE FROM order_items");
    orderIds = new long[1000];
    try (var rs = fx.admin.connection().createStatement().executeQuery("SELECT id FROM orders")) {
      for (int i = 0; rs.next() && i < orderIds.length; i++) {
        orderIds[i] = rs.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Setup(Level.Invocation)
  public void empty() {
    fx.admin.exec(keyed ? "DELETE FROM order_items" : "DELETE FROM loose_items");
  }

  @Benchmark
  public void insertWithKeys() {
    keys.insertItems(orderIds, Fixture.ROWS, keyed);
  }
}
