package keystone.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/** Inserts into an empty users table: 10k in one transaction, 1k one by one. */
public class WriteBench extends Core {
  @Setup(Level.Trial)
  public void open() {
    start("write");
  }

  @Setup(Level.Invocation)
  public void empty() {
    fx.clearUsers();
    fx.seed++;
  }

  @Benchmark
  public void bulkInsert() {
    fx.contender.insertUsersBulk(Fixture.ROWS, fx.seed);
  }

  @Benchmark
  public void oneByOneInsert() {
    fx.contender.insertUsersOneByOne(Fixture.ONE_BY_ONE, fx.seed);
  }

  /** 100 users x 10 orders x 10 items (11.1k rows) in one transaction. */
  @Benchmark
  public void graphWrite() {
    fx.contender.writeGraph(
        Fixture.GRAPH_USERS, Fixture.ORDERS_PER_USER, Fixture.ITEMS_PER_ORDER, fx.seed);
  }
}
