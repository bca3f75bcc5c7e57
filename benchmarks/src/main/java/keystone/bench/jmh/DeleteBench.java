package keystone.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/** Deletes all of 10k users (seeded before each call, outside the timed region). */
public class DeleteBench extends Core {
  @Setup(Level.Trial)
  public void open() {
    start("delete");
  }

  @Setup(Level.Invocation)
  public void fill() {
    fx.seedUsers(Fixture.ROWS);
  }

  @Benchmark
  public int deleteAll() {
    return fx.contender.deleteAll();
  }
}
