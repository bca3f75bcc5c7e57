package keystone.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * A 100k-row import (99k orders written before their 1k users) with every key deferred and
 * checked at the one commit.
 */
public class ImportBench extends Keys {
  @Setup(Level.Trial)
  public void open() {
    start("import");
  }

  @Setup(Level.Invocation)
  public void empty() {
    fx.clearUsers();
  }

  @Benchmark
  public void deferredImport100k() {
    keys.importDeferred(1_000, 99);
  }
}
