package keystone.bench.jmh;

import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * Reads over 10k users, the first 100 of which have 10 orders of 10 items each; and the bulk
 * update, which leaves the row count as it is.
 */
public class ReadBench extends Core {
  long[] sequential;
  long[] random;
  long[] graphUsers;
  String[] emails;

  @Setup(Level.Trial)
  public void open() {
    start("read");
    long[] ids = fx.seedUsers(Fixture.ROWS);
    Random rnd = new Random(42);
    sequential = new long[Fixture.ONE_BY_ONE];
    random = new long[Fixture.ONE_BY_ONE];
    int[] picks = new int[Fixture.ONE_BY_ONE];
    for (int i = 0; i < Fixture.ONE_BY_ONE; i++) {
      sequential[i] = ids[i];
      picks[i] = rnd.nextInt(Fixture.ROWS);
      random[i] = ids[picks[i]];
    }
    emails = Fixture.emailsOf(fx.seed, picks);
    graphUsers = java.util.Arrays.copyOf(ids, Fixture.GRAPH_USERS);
    fx.seedGraph(graphUsers);
  }

  @Benchmark
  public long loadByIdSequential() {
    return fx.contender.loadById(sequential);
  }

  @Benchmark
  public long loadByIdRandom() {
    return fx.contender.loadById(random);
  }

  @Benchmark
  public long loadAll() {
    return fx.contender.loadAll();
  }

  @Benchmark
  public long indexedQuery() {
    return fx.contender.queryByEmail(emails);
  }

  /** 100 users, each with its 10 orders and each order's 10 items: 1,100 queries, 11.1k rows. */
  @Benchmark
  public long graphRead() {
    return fx.contender.readGraph(graphUsers);
  }

  @Benchmark
  public void bulkUpdate() {
    fx.contender.updateAll();
  }
}
