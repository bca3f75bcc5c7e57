package keystone.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes benchmarks/results/DATE.md and DATE.svg from JMH's JSON, the C baseline's TSV and the
 * cold-start TSV, with a PostgreSQL section when the suite also ran there (JMH param
 * {@code engine=postgres}); of several runs of the same operation the fastest counts. Usage:
 * {@code Report <jmh.json[,more.json]> <native.tsv> <coldstart.tsv> <results dir> <root pom>
 * [notes.md] [postgres.txt]}.
 */
public final class Report {
  static final String[] CONTENDERS = {"jdbc", "keystone", "ormlite", "hibernate", "jdbi"};
  static final String C_API = "C API";

  /** Rows touched by one operation, for rows/s. */
  static final Map<String, Integer> ROWS = new LinkedHashMap<>();

  static {
    ROWS.put("WriteBench.bulkInsert", 10_000);
    ROWS.put("WriteBench.oneByOneInsert", 1_000);
    ROWS.put("ReadBench.loadByIdSequential", 1_000);
    ROWS.put("ReadBench.loadByIdRandom", 1_000);
    ROWS.put("ReadBench.loadAll", 10_000);
    ROWS.put("ReadBench.bulkUpdate", 10_000);
    ROWS.put("DeleteBench.deleteAll", 10_000);
    ROWS.put("ReadBench.indexedQuery", 1_000);
    ROWS.put("WriteBench.graphWrite", 11_100);
    ROWS.put("ReadBench.graphRead", 11_100);
    ROWS.put("EnforcementBench.insertWithKeys", 10_000);
    ROWS.put("CascadeBench.deleteParent", 1);
    ROWS.put("SetNullBench.setNullFanOut", 1_000);
    ROWS.put("RestrictBench.restrictBlockedDelete", 1);
    ROWS.put("ImportBench.deferredImport100k", 100_000);
    ROWS.put("RetryBench.transaction", 5);
  }

  private Report() {}

  /** SQLite's results (the C API's included), and PostgreSQL's (JMH param engine=postgres). */
  final Results sqlite = new Results();
  final Results pg = new Results();
  final Map<String, Double> cold = new LinkedHashMap<>();
  String jdk = "";
  /**
   * The PostgreSQL server and its settings, as {@code keystone.bench.Postgres} prints them, and on
   * a second line the command run.sh ran.
   */
  String server = "";

  /**
   * Writes DATE.md and DATE.svg; or DATE-postgres.md when the JMH results hold only the
   * PostgreSQL group (run.sh --postgres-only). {@code -Dbench.report.stem} names the files in
   * place of DATE. The first argument may list several JSON files, separated by commas; files
   * that do not exist are skipped.
   */
  public static void main(String[] args) throws IOException {
    Report r = new Report();
    for (String json : args[0].split(",")) {
      if (Files.exists(Path.of(json))) {
        r.readJmh(Path.of(json));
      }
    }
    r.readNative(Path.of(args[1]));
    r.readCold(Path.of(args[2]));
    Path dir = Path.of(args[3]);
    String pom = Files.readString(Path.of(args[4]));
    String notes = optional(args, 5);
    r.server = optional(args, 6).strip();
    String date = LocalDate.now().toString();
    // run.sh picks a stem no earlier report of the day has, so that a second run keeps the first.
    String stem = System.getProperty("bench.report.stem", date);
    Files.createDirectories(dir);
    if (r.sqlite.isEmpty()) {
      StringBuilder b = new StringBuilder("# Keystone on PostgreSQL, ").append(date).append("\n\n");
      r.machineLines(b);
      new PostgresSection(r.pg, pom, r.server, stem + "-postgres.svg").write(b, "");
      if (!notes.isBlank()) {
        b.append("\n").append(notes.strip()).append('\n');
      }
      Files.writeString(dir.resolve(stem + "-postgres.svg"), svg(r.pg, "on PostgreSQL"));
      Files.writeString(dir.resolve(stem + "-postgres.md"), b.toString());
      System.out.println("Wrote " + dir.resolve(stem + "-postgres.md") + " and " + stem
          + "-postgres.svg");
      return;
    }
    Files.writeString(dir.resolve(stem + ".svg"), svg(r.sqlite, "on SQLite"));
    if (!r.pg.isEmpty()) {
      Files.writeString(dir.resolve(stem + "-postgres.svg"), svg(r.pg, "on PostgreSQL"));
    }
    Files.writeString(dir.resolve(stem + ".md"), r.markdown(date, stem, pom, notes));
    System.out.println("Wrote " + dir.resolve(stem + ".md") + " and its charts");
  }

  private static String optional(String[] args, int i) throws IOException {
    if (args.length <= i || !Files.exists(Path.of(args[i]))) {
      return "";
    }
    return Files.readString(Path.of(args[i]));
  }

  @SuppressWarnings("unchecked")
  void readJmh(Path file) throws IOException {
    List<Object> runs = (List<Object>) Json.parse(Files.readString(file));
    for (Object o : runs) {
      Map<String, Object> run = (Map<String, Object>) o;
      String bench = (String) run.get("benchmark");
      String[] parts = bench.split("\\.");
      String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
      Map<String, Object> params = (Map<String, Object>) run.getOrDefault("params", Map.of());
      String contender = (String) params.get("contender");
      StringBuilder key = new StringBuilder(name);
      TreeMap<String, Object> rest = new TreeMap<>(params);
      rest.remove("contender");
      Results engine = "postgres".equals(rest.remove("engine")) ? pg : sqlite;
      if (!rest.isEmpty()) {
        key.append(" [");
        rest.forEach((k, v) -> key.append(k).append('=').append(v).append(' '));
        key.setLength(key.length() - 1);
        key.append(']');
      }
      Map<String, Object> metric = (Map<String, Object>) run.get("primaryMetric");
      double score = ((Number) metric.get("score")).doubleValue();
      String unit = (String) metric.get("scoreUnit");
      double msPerOp = switch (unit) {
        case "ms/op" -> score;
        case "us/op" -> score / 1000;
        case "s/op" -> score * 1000;
        default -> throw new IllegalArgumentException("Unit " + unit);
      };
      engine.put(key.toString(), contender, msPerOp);
      jdk = run.get("jdkVersion") + " (" + run.get("vmName") + " " + run.get("vmVersion") + ")";
      engine.settings = String.format(Locale.ROOT,
          "%d fork(s), %d x %s warm-up, %d x %s measurement, JVM flags %s",
          ((Number) run.get("forks")).intValue(), ((Number) run.get("warmupIterations")).intValue(),
          run.get("warmupTime"), ((Number) run.get("measurementIterations")).intValue(),
          run.get("measurementTime"),
          String.join(" ", (List<String>) run.getOrDefault("jvmArgs", List.of())));
    }
  }

  void readNative(Path file) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    for (String line : Files.readAllLines(file)) {
      String[] f = line.split("\t");
      if (f.length < 3) {
        continue;
      }
      String key = f[1].isEmpty() ? f[0] : f[0] + " [" + f[1] + "]";
      sqlite.put(key, C_API, Double.parseDouble(f[2]));
    }
  }

  void readCold(Path file) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    for (String line : Files.readAllLines(file)) {
      String[] f = line.split("\t");
      if (f.length >= 2) {
        cold.put(f[0], Double.parseDouble(f[1]));
      }
    }
  }

  static int rowsOf(String key) {
    String base = key.contains(" [") ? key.substring(0, key.indexOf(" [")) : key;
    if (base.equals("CascadeBench.deleteParent")) {
      Matcher m = Pattern.compile("children=(\\d+)").matcher(key);
      return m.find() ? Integer.parseInt(m.group(1)) + 1 : 1;
    }
    return ROWS.getOrDefault(base, 1);
  }

  static String f(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (v >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String x(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2fx", v);
  }

  static String prop(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    return m.find() ? m.group(1) : "?";
  }

  void machineLines(StringBuilder b) {
    b.append("- Machine: ").append(machine()).append('\n');
    b.append("- JDK: ").append(jdk).append('\n');
  }

  static String machine() {
    try {
      String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
      String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(l -> l.startsWith("MemTotal")).findFirst()
          .map(l -> l.replaceAll("\\D+", "")).map(kb -> Long.parseLong(kb) / 1024 / 1024 + " GiB")
          .orElse("?");
      return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + mem + ", "
          + System.getProperty("os.name") + " " + System.getProperty("os.version");
    } catch (IOException e) {
      return "?";
    }
  }

  String markdown(String date, String stem, String pom, String notes) {
    StringBuilder b = new StringBuilder();
    b.append("# Keystone benchmarks, ").append(date).append("\n\n");
    machineLines(b);
    b.append("- SQLite: sqlite-jdbc ").append(prop(pom, "sqlite-jdbc.version"))
        .append(" for every JVM contender; the C API baseline is the same SQLite version")
        .append(" (see run.sh), built with gcc -O2\n");
    b.append("- Contenders: Keystone ").append(prop(pom, "version")).append(" (generated DAOs),")
        .append(" hand JDBC (prepared statements reused, executeBatch), ORMLite ")
        .append(prop(pom, "ormlite.version")).append(", Hibernate ORM ")
        .append(prop(pom, "hibernate.version")).append(" + hibernate-community-dialects")
        .append(" (batch_size 1000), JDBI ").append(prop(pom, "jdbi.version"))
        .append(" (SQL Object); JMH ").append(prop(pom, "jmh.version")).append('\n');
    b.append("- Every contender on its own fresh file per trial: WAL, synchronous NORMAL,")
        .append(" foreign keys on, Keystone's DDL. JMH: ").append(sqlite.settings).append(". ")
        .append(sqlite.repeats() > 1
            ? "Each figure is the fastest of " + sqlite.repeats() + " runs (run.sh --repeat),"
                + " the contenders in a rotated order in each run."
            : "One run: figures within 10% of each other are not told apart by it.")
        .append("\n\n");
    b.append("![ratios to hand JDBC](").append(stem).append(".svg)\n\n");
    b.append("## Operations\n\n");
    b.append("ops/s of whole operations (rows per op in the second column); in brackets the time")
        .append(" ratio to hand JDBC (1.00x = as fast; 2.00x = twice the time).\n\n");
    sqlite.operations(b, new String[] {"jdbc", "keystone", "ormlite", "hibernate", "jdbi", C_API},
        new String[] {"hand JDBC", "Keystone", "ORMLite", "Hibernate", "JDBI", "C API"});
    b.append("\n## Cold start (fresh JVM until the first query returns, median)\n\n");
    b.append("| contender | ms |\n|---|---:|\n");
    cold.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(f(v)).append(" |\n"));
    b.append("\n## Per operation: time ratio to hand JDBC, against the target\n\n")
        .append("Every operation within 1.10x of hand JDBC; the RESTRICT-blocked delete, which ends")
        .append(" in the typed error naming the key, within 3x of hand JDBC's bare failure.\n\n");
    sqlite.verdicts(b);
    b.append("\n## Other targets\n\n| target | measured | result |\n|---|---|---|\n");
    String bulk = "WriteBench.bulkInsert";
    double ks = sqlite.msOf(bulk, "keystone");
    faster(b, "bulk insert: at least 5x faster than ORMLite", sqlite.msOf(bulk, "ormlite") / ks, 5);
    faster(b, "bulk insert: at least 2x faster than Hibernate",
        sqlite.msOf(bulk, "hibernate") / ks, 2);
    String all = "ReadBench.loadAll";
    double ka = sqlite.msOf(all, "keystone");
    faster(b, "load-all: at least 1.8x faster than Hibernate",
        sqlite.msOf(all, "hibernate") / ka, 1.8);
    faster(b, "load-all: never slower than ORMLite", sqlite.msOf(all, "ormlite") / ka, 1.0);
    Double kc = cold.get("keystone");
    Double hc = cold.get("hibernate");
    if (kc != null && hc != null) {
      double share = kc / hc;
      target(b, "cold start at most a third of Hibernate's", String.format(Locale.ROOT,
          "%.0f ms vs %.0f ms = %.2f", kc, hc, share), share <= 1.0 / 3,
          share <= 1.0 / 3 ? "" : String.format(Locale.ROOT, "over by %.0f%%", (share * 3 - 1) * 100));
    }
    for (String who : new String[] {"keystone", "jdbc", C_API}) {
      double keyed = sqlite.msOf("EnforcementBench.insertWithKeys [keyed=true]", who);
      double loose = sqlite.msOf("EnforcementBench.insertWithKeys [keyed=false]", who);
      if (!Double.isNaN(keyed) && !Double.isNaN(loose)) {
        double cost = keyed / loose - 1;
        String what = "foreign-key enforcement + automatic index costs at most 15% on bulk insert ("
            + who + ")";
        if (who.equals("keystone")) {
          target(b, what, String.format(Locale.ROOT, "+%.1f%%", cost * 100), cost <= 0.15,
              cost <= 0.15 ? "" : String.format(Locale.ROOT, "over by %.1f points", (cost - 0.15) * 100));
        } else {
          b.append("| ").append(what).append(" | ")
              .append(String.format(Locale.ROOT, "+%.1f%%", cost * 100)).append(" | reference |\n");
        }
      }
    }
    b.append("\n## Where the JVM path loses to the C API\n\n");
    b.append("| operation | hand JDBC rows/s | C API rows/s | JDBC / C API time |\n|---|---:|---:|---:|\n");
    for (String key : sqlite.orderedKeys()) {
      double c = sqlite.msOf(key, C_API);
      double j = sqlite.msOf(key, "jdbc");
      if (!Double.isNaN(c) && !Double.isNaN(j)) {
        int rows = rowsOf(key);
        b.append("| ").append(key).append(" | ").append(f(rows * 1000 / j)).append(" | ")
            .append(f(rows * 1000 / c)).append(" | ").append(x(j / c)).append(" |\n");
      }
    }
    double scan = sqlite.msOf(all, C_API) / sqlite.msOf(all, "jdbc");
    if (!Double.isNaN(scan)) {
      b.append("\nReading through ResultSet (load-all) reaches ")
          .append(String.format(Locale.ROOT, "%.0f%%", scan * 100))
          .append(" of the C API's scan rate: the starting line for a faster driver behind")
          .append(" Keystone's statement seam (keystone.engine.spi.SqlStatement).\n");
    }
    if (!pg.isEmpty()) {
      b.append('\n');
      new PostgresSection(pg, pom, server, stem + "-postgres.svg").write(b, "##");
    }
    if (!notes.isBlank()) {
      b.append("\n").append(notes.strip()).append('\n');
    }
    return b.toString();
  }

  private static void faster(StringBuilder b, String what, double factor, double need) {
    if (Double.isNaN(factor)) {
      return;
    }
    target(b, what, String.format(Locale.ROOT, "%.2fx faster", factor), factor >= need,
        factor >= need ? "" : String.format(Locale.ROOT, "short by %.0f%%", (1 - factor / need) * 100));
  }

  private static void target(StringBuilder b, String what, String measured, boolean pass, String by) {
    b.append("| ").append(what).append(" | ").append(measured).append(" | ")
        .append(pass ? "PASS" : "MISS " + by).append(" |\n");
  }

  /**
   * Horizontal bars of the time ratio to hand JDBC on a log scale, one group per operation, for
   * one engine's results ({@code engine} goes in the title).
   */
  static String svg(Results results, String engine) {
    List<String> keys = results.orderedKeys();
    String[] who = {"keystone", "ormlite", "hibernate", "jdbi", C_API};
    String[] color = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#7f7f7f"};
    int bar = 7;
    int labelW = 330;
    int plotW = 520;
    double lo = Math.log(0.125);
    double hi = Math.log(64);
    int y = 50;
    boolean[] shown = new boolean[who.length];
    StringBuilder body = new StringBuilder();
    for (String key : keys) {
      int n = 0;
      for (String w : who) {
        if (!Double.isNaN(results.ratio(key, w))) {
          n++;
        }
      }
      if (n == 0) {
        continue;
      }
      int h = n * bar + 8;
      body.append(String.format(Locale.ROOT,
          "<text x='%d' y='%d' font-size='11' text-anchor='end'>%s</text>%n", labelW - 6,
          y + h / 2 + 3, esc(key)));
      int by = y + 4;
      for (int i = 0; i < who.length; i++) {
        double r = results.ratio(key, who[i]);
        if (Double.isNaN(r)) {
          continue;
        }
        shown[i] = true;
        double x1 = labelW + plotW * (Math.log(1) - lo) / (hi - lo);
        double x2 = labelW + plotW * (Math.log(Math.max(0.125, Math.min(64, r))) - lo) / (hi - lo);
        body.append(String.format(Locale.ROOT,
            "<rect x='%.1f' y='%d' width='%.1f' height='%d' fill='%s'><title>%s %s: %.2fx</title></rect>%n",
            Math.min(x1, x2), by, Math.max(1, Math.abs(x2 - x1)), bar - 1, color[i], esc(key),
            who[i], r));
        by += bar;
      }
      y += h;
    }
    int height = y + 30;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT,
        "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif'>%n",
        labelW + plotW + 20, height));
    s.append("<rect width='100%' height='100%' fill='white'/>\n");
    s.append("<text x='10' y='18' font-size='13' font-weight='bold'>Time relative to hand JDBC ")
        .append(engine).append(" (log scale; left of 1x is faster)</text>\n");
    for (double t : new double[] {0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64}) {
      double tx = labelW + plotW * (Math.log(t) - lo) / (hi - lo);
      s.append(String.format(Locale.ROOT,
          "<line x1='%.1f' y1='40' x2='%.1f' y2='%d' stroke='%s'/>%n<text x='%.1f' y='%d' font-size='10'"
              + " text-anchor='middle'>%sx</text>%n",
          tx, tx, y, t == 1 ? "#000" : "#ddd", tx, y + 14, t < 1 ? String.valueOf(t) : String.valueOf((int) t)));
    }
    int lx = labelW;
    for (int i = 0; i < who.length; i++) {
      if (!shown[i]) {
        continue;   // The C API runs on SQLite only.
      }
      s.append(String.format(Locale.ROOT,
          "<rect x='%d' y='26' width='10' height='10' fill='%s'/><text x='%d' y='35' font-size='11'>%s</text>%n",
          lx, color[i], lx + 13, who[i]));
      lx += 95;
    }
    s.append(body).append("</svg>\n");
    return s.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;");
  }
}
