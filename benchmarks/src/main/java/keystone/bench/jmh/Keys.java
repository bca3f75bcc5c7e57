package keystone.bench.jmh;

import java.util.concurrent.TimeUnit;
import keystone.bench.Contender;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The operations nobody publishes: what the engine's foreign keys cost and do. Keystone against
 * hand JDBC running the same SQL on the same schema.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Pre-touched: on this VM the first write to each fresh heap page cost ~10 us per call for
// seconds at a time, charged to whichever contender allocated into it (benchmarks/notes.md).
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public abstract class Keys {
  @Param({"jdbc", "keystone"})
  public String contender;

  /** "sqlite", or "postgres" (run.sh --postgres: {@code -p engine=postgres}). */
  @Param({"sqlite"})
  public String engine;

  Fixture fx;
  Contender.Keys keys;

  void start(String tag) {
    fx = new Fixture(contender, tag, engine);
    keys = (Contender.Keys) fx.contender;
  }

  @TearDown(Level.Trial)
  public void stop() {
    fx.close();
  }
}
