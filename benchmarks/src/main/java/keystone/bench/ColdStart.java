package keystone.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import keystone.bench.jdbc.JdbcContender;

/**
 * Cold start: a fresh JVM per run, timed by this launcher from just before the process starts
 * until the child prints that its first query returned (open, the contender's schema check,
 * first query). The file exists already, as for an app's second launch. Keystone compares the
 * compiled schema with the file's. Hibernate runs with {@code hbm2ddl.auto=none}: its
 * {@code validate} refuses SQLite's INTEGER key columns for {@code long} ids ("found integer,
 * expecting bigint") under the community dialect, so it checks nothing here, to its advantage.
 *
 * <p>Usage: {@code ColdStart <out.tsv> [runs]}; writes {@code contender\tmedian_ms\truns...}.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("--child")) {
      child(args[1], Path.of(args[2]));
      return;
    }
    Path out = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    String cp = System.getProperty("java.class.path");
    List<String> lines = new ArrayList<>();
    for (String name : new String[] {"jdbc", "keystone", "ormlite", "hibernate", "jdbi"}) {
      Path file = Contenders.fresh(name, "cold", "sqlite").file();
      if (name.equals("keystone")) {
        keystone.engine.Keystone.open(keystone.bench.keystone.BenchDatabase.class, file).close();
      }
      JdbcContender admin = new JdbcContender();
      admin.open(Store.sqlite(file));
      admin.insertUsersBulk(10, 0);
      admin.close();
      double[] times = new double[runs];
      for (int r = -1; r < runs; r++) {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(javaBin, "-cp", cp, ColdStart.class.getName(), "--child",
            name, file.toString()).redirectErrorStream(true).start();
        String line;
        boolean ready = false;
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          while ((line = in.readLine()) != null) {
            if (line.equals("READY")) {
              ready = true;
              break;
            }
            System.err.println("[" + name + "] " + line);
          }
          double ms = (System.nanoTime() - start) / 1e6;
          if (!ready) {
            throw new IllegalStateException(name + " never answered its first query");
          }
          if (r >= 0) {
            times[r] = ms;
          }
          in.transferTo(java.io.Writer.nullWriter());
        }
        p.waitFor();
      }
      double[] sorted = times.clone();
      Arrays.sort(sorted);
      StringBuilder row = new StringBuilder(name).append('\t').append(sorted[runs / 2]);
      for (double t : times) {
        row.append('\t').append(String.format("%.1f", t));
      }
      lines.add(row.toString());
      System.out.println(row);
    }
    Files.write(out, lines);
  }

  private static void child(String name, Path file) {
    PrintStream stdout = System.out;
    Contender c = Contenders.create(name);
    c.open(Store.sqlite(file));
    long h = c.loadById(new long[] {1});
    stdout.println("READY");
    stdout.flush();
    c.close();
    if (h == 42) {
      stdout.println(h);
    }
  }
}
