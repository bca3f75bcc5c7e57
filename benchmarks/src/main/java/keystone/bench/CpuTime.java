package keystone.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import keystone.bench.jmh.Core;
import keystone.bench.jmh.DeleteBench;
import keystone.bench.jmh.ReadBench;
import keystone.bench.jmh.WriteBench;

/**
 * The SQLite core operations (Write, Read, Delete), Keystone against hand JDBC, timed in the
 * calling thread's CPU time rather than wall time, the two contenders alternating call by call in
 * one JVM. On a machine that other work keeps busy, wall time mostly measures the wait for a CPU
 * (the same JMH row moved 3-10x between runs at a load of 13 on 2 cores); CPU time leaves that
 * wait out. It also leaves out the JIT and GC threads and any wait for I/O, so it is a check
 * for a loaded machine, not a replacement for run.sh's JMH figures.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar keystone.bench.CpuTime [warm-up calls] [calls]</pre>
 *
 * Prints one tab-separated line per operation: median CPU ms per call for jdbc and keystone, and
 * their ratio. It uses only the JMH benchmark classes' public setup and benchmark methods, so it
 * runs against an older build of the benchmarks as well (compile it against that jar).
 */
public final class CpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTime() {}

  public static void main(String[] args) throws Exception {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    System.out.println("operation\tjdbc_cpu_ms\tkeystone_cpu_ms\tratio");
    run(WriteBench.class, "open", "empty", warmup, calls,
        "bulkInsert", "oneByOneInsert", "graphWrite");
    run(ReadBench.class, "open", null, warmup, calls, "loadByIdSequential", "loadByIdRandom",
        "loadAll", "indexedQuery", "graphRead", "bulkUpdate");
    run(DeleteBench.class, "open", "fill", warmup, calls, "deleteAll");
  }

  private static void run(Class<? extends Core> type, String open, String perCall, int warmup,
      int calls, String... operations) throws Exception {
    Core jdbc = start(type, "jdbc", open);
    Core keystone = start(type, "keystone", open);
    try {
      for (String operation : operations) {
        Method op = type.getMethod(operation);
        Method before = perCall == null ? null : type.getMethod(perCall);
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        for (int i = 0; i < warmup + calls; i++) {
          // Alternate which contender goes first, so neither always follows the other's garbage.
          boolean jdbcFirst = i % 2 == 0;
          long first = time(jdbcFirst ? jdbc : keystone, op, before);
          long second = time(jdbcFirst ? keystone : jdbc, op, before);
          if (i >= warmup) {
            a.add(jdbcFirst ? first : second);
            b.add(jdbcFirst ? second : first);
          }
        }
        double j = median(a) / 1e6;
        double k = median(b) / 1e6;
        System.out.printf("%s.%s\t%.3f\t%.3f\t%.2f%n", type.getSimpleName(), operation, j, k,
            k / j);
      }
    } finally {
      jdbc.stop();
      keystone.stop();
    }
  }

  private static Core start(Class<? extends Core> type, String contender, String open)
      throws Exception {
    Core bench = type.getDeclaredConstructor().newInstance();
    bench.contender = contender;
    bench.engine = "sqlite";
    type.getMethod(open).invoke(bench);
    return bench;
  }

  private static long time(Core bench, Method op, Method before) throws Exception {
    if (before != null) {
      before.invoke(bench);
    }
    long start = THREADS.getCurrentThreadCpuTime();
    op.invoke(bench);
    return THREADS.getCurrentThreadCpuTime() - start;
  }

  private static double median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
