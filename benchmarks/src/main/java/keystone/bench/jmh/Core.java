package keystone.bench.jmh;

import java.util.concurrent.TimeUnit;
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
 * The operations ORM benchmarks publish, for every contender. Time per whole operation (10k rows,
 * or 1k for the one-by-one cases); run.sh turns it into ops/s and ratios to hand JDBC.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Pre-touched: on this VM the first write to each fresh heap page cost ~10 us per call for
// seconds at a time, charged to whichever contender allocated into it (benchmarks/notes.md).
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public abstract class Core {
  @Param({"jdbc", "keystone", "ormlite", "hibernate", "jdbi"})
  public String contender;

  /** "sqlite", or "postgres" (run.sh --postgres: {@code -p engine=postgres}). */
  @Param({"sqlite"})
  public String engine;

  Fixture fx;

  void start(String tag) {
    fx = new Fixture(contender, tag, engine);
  }

  @TearDown(Level.Trial)
  public void stop() {
    fx.close();
  }
}
