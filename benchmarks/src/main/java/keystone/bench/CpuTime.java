package keystone.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import keystone.bench.jmh.DeleteBench;
import keystone.bench.jmh.ReadBench;
import keystone.bench.jmh.RetryBench;
import keystone.bench.jmh.WriteBench;

/**
 * The core operations, Keystone against hand JDBC, the two contenders alternating call by call in
 * one JVM, each call timed in the calling thread's CPU time and in wall time. On a machine that
 * other work keeps busy, wall time mostly measures the wait for a CPU (the same JMH row moved
 * 3-10x between runs at a load of 13 on 2 cores); CPU time leaves that wait out. It also leaves
 * out the JIT and GC threads and any wait for I/O, so it is a check for a loaded machine, not a
 * replacement for run.sh's JMH figures.
 *
 * <p>On PostgreSQL a call mostly waits for the server, which CPU time does not see: there the
 * wall-time ratio is the one to read, with the process pinned to one CPU as run.sh pins its
 * PostgreSQL group ({@code taskset -c 1}), and the client's CPU time beside it.
 *
 * <pre>java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar keystone.bench.CpuTime [warm-up] [calls] [sqlite|postgres] [operation regex] [report.md]</pre>
 *
 * Without {@code -XX:+AlwaysPreTouch} it warns: the first write to fresh heap pages is charged to
 * whichever contender allocates into them (benchmarks/notes.md, eighth pass).
 *
 * The warm-up is a number of calls per contender, or with an {@code s} suffix ({@code 10s}) a
 * time per operation, both contenders alternating. A count of 100 leaves much of the code to the
 * interpreter and C1 (HotSpot's C2 compiles a method after about 10,000 calls): on PostgreSQL's
 * retried transaction, 100 warm-up calls read 1.27-1.34x where 20,000 read 1.10-1.11x on the same
 * build. A time suits operations from microseconds to tens of milliseconds alike.
 *
 * Prints one tab-separated line per operation: median CPU ms per call for jdbc and keystone and
 * their ratio, then the same for wall time. Given a report file, it also appends a section to it
 * (run.sh --alternating): the same medians as a table, each operation's wall-time ratio against
 * the 1.10x target. It uses only the JMH benchmark classes' public setup
 * and benchmark methods, so it runs against an older build of the benchmarks as well (compile it
 * against that jar).
 */
public final class CpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Warmup warmup;
  private final int calls;
  private final String engine;
  private final String only;
  /** One operation's median ms per call: hand JDBC's and Keystone's, in CPU and in wall time. */
  private record Medians(String operation, double jdbcCpu, double keystoneCpu, double jdbcWall,
      double keystoneWall) {}

  private final List<Medians> measured = new ArrayList<>();

  /** At least {@code calls} calls per contender, and for at least {@code nanos}. */
  private record Warmup(int calls, long nanos, String text) {
    static Warmup parse(String text) {
      return text.endsWith("s")
          ? new Warmup(1, (long) (Double.parseDouble(text.substring(0, text.length() - 1)) * 1e9),
              text.substring(0, text.length() - 1) + " s of warm-up per operation")
          : new Warmup(Integer.parseInt(text), 0, text + " warm-up calls");
    }

    boolean done(int called, long started) {
      return called >= calls && System.nanoTime() - started >= nanos;
    }
  }

  private CpuTime(Warmup warmup, int calls, String engine, String only) {
    this.warmup = warmup;
    this.calls = calls;
    this.engine = engine;
    this.only = only;
  }

  public static void main(String[] args) throws Exception {
    Warmup warmup = Warmup.parse(args.length > 0 ? args[0] : "10");
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    String engine = args.length > 2 ? args[2] : "sqlite";
    String only = args.length > 3 ? args[3] : ".*";
    if (!ManagementFactory.getRuntimeMXBean().getInputArguments()
        .contains("-XX:+AlwaysPreTouch")) {
      System.err.println("CpuTime: the heap is not pre-touched (-XX:+AlwaysPreTouch); fresh heap"
          + " pages will be charged to whichever contender allocates into them first");
    }
    CpuTime t = new CpuTime(warmup, calls, engine, only);
    System.out.println("operation\tjdbc_cpu_ms\tkeystone_cpu_ms\tcpu_ratio"
        + "\tjdbc_wall_ms\tkeystone_wall_ms\twall_ratio");
    t.runAll();
    if (args.length > 4) {
      Files.writeString(Path.of(args[4]), t.report(String.join(" ", args)),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  private void runAll() throws Exception {
    run(WriteBench.class, "open", "empty", null, "bulkInsert", "oneByOneInsert", "graphWrite");
    if (engine.equals("postgres")) {
      run(ReadBench.class, "open", null, null, "loadByIdRandom", "loadAll", "indexedQuery",
          "graphRead");
    } else {
      run(ReadBench.class, "open", null, null, "loadByIdSequential", "loadByIdRandom",
          "loadAll", "indexedQuery", "graphRead", "bulkUpdate");
      run(DeleteBench.class, "open", "fill", null, "deleteAll");
    }
    run(RetryBench.class, "open", "empty", "retry=false", "transaction");
    run(RetryBench.class, "open", "empty", "retry=true", "transaction");
  }

  private void run(Class<?> type, String open, String perCall, String retry, String... operations)
      throws Exception {
    List<String> wanted = new ArrayList<>();
    for (String operation : operations) {
      String name = type.getSimpleName() + "." + operation + (retry == null ? "" : " " + retry);
      if (name.matches(only)) {
        wanted.add(operation);
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    Object jdbc = start(type, "jdbc", open, retry);
    Object keystone = start(type, "keystone", open, retry);
    try {
      for (String operation : wanted) {
        Method op = type.getMethod(operation);
        Method before = perCall == null ? null : type.getMethod(perCall);
        long started = System.nanoTime();
        for (int i = 0; !warmup.done(i, started); i++) {
          time(i % 2 == 0 ? jdbc : keystone, op, before);
          time(i % 2 == 0 ? keystone : jdbc, op, before);
        }
        long[][] a = new long[2][calls];
        long[][] b = new long[2][calls];
        for (int i = 0; i < calls; i++) {
          // Alternate which contender goes first, so neither always follows the other's garbage.
          boolean jdbcFirst = i % 2 == 0;
          long[] first = time(jdbcFirst ? jdbc : keystone, op, before);
          long[] second = time(jdbcFirst ? keystone : jdbc, op, before);
          long[] j = jdbcFirst ? first : second;
          long[] k = jdbcFirst ? second : first;
          for (int m = 0; m < 2; m++) {
            a[m][i] = j[m];
            b[m][i] = k[m];
          }
        }
        String name = type.getSimpleName() + "." + operation
            + (retry == null ? "" : " [" + retry + "]");
        StringBuilder line = new StringBuilder(name);
        double[] medians = new double[4];
        for (int m = 0; m < 2; m++) {
          double j = median(a[m]) / 1e6;
          double k = median(b[m]) / 1e6;
          medians[2 * m] = j;
          medians[2 * m + 1] = k;
          line.append(String.format(Locale.ROOT, "\t%.3f\t%.3f\t%.2f", j, k, k / j));
        }
        measured.add(new Medians(name, medians[0], medians[1], medians[2], medians[3]));
        System.out.println(line);
      }
    } finally {
      type.getMethod("stop").invoke(jdbc);
      type.getMethod("stop").invoke(keystone);
    }
  }

  private Object start(Class<?> type, String contender, String open, String retry)
      throws Exception {
    Object bench = type.getDeclaredConstructor().newInstance();
    type.getField("contender").set(bench, contender);
    type.getField("engine").set(bench, engine);
    if (retry != null) {
      type.getField("retry").set(bench, Boolean.parseBoolean(retry.substring("retry=".length())));
    }
    type.getMethod(open).invoke(bench);
    return bench;
  }

  /** A report section: the medians per operation, and the wall-time ratio against 1.10x. */
  private String report(String arguments) {
    StringBuilder b = new StringBuilder();
    b.append("## ").append(engine.equals("postgres") ? "PostgreSQL" : "SQLite").append("\n\n");
    b.append("`java -cp benchmarks.jar keystone.bench.CpuTime ").append(arguments).append("`: ")
        .append(warmup.text()).append(", then the median of ").append(calls)
        .append(" calls per contender, Keystone and hand JDBC alternating call by call in one")
        .append(" JVM.\n\n");
    b.append("| operation | hand JDBC, wall ms | Keystone, wall ms | wall ratio | 1.10x |")
        .append(" hand JDBC, CPU ms | Keystone, CPU ms | CPU ratio |\n");
    b.append("|---|---:|---:|---:|---|---:|---:|---:|\n");
    for (Medians m : measured) {
      double wall = m.keystoneWall() / m.jdbcWall();
      b.append(String.format(Locale.ROOT,
          "| %s | %.3f | %.3f | %.2fx | %s | %.3f | %.3f | %.2fx |%n", m.operation(), m.jdbcWall(),
          m.keystoneWall(), wall, wall <= 1.10 ? "PASS" : "MISS", m.jdbcCpu(), m.keystoneCpu(),
          m.keystoneCpu() / m.jdbcCpu()));
    }
    return b.append('\n').toString();
  }

  /** CPU and wall nanoseconds of one call. */
  private static long[] time(Object bench, Method op, Method before) throws Exception {
    if (before != null) {
      before.invoke(bench);
    }
    long wall = System.nanoTime();
    long start = THREADS.getCurrentThreadCpuTime();
    op.invoke(bench);
    long cpu = THREADS.getCurrentThreadCpuTime() - start;
    return new long[] {cpu, System.nanoTime() - wall};
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
