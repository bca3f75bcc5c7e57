package keystone.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One engine's measurements: op key ("Class.method [params]") -> contender -> ms per op. When
 * several runs measured the same thing, the fastest is kept: on a shared machine other work only
 * ever adds time, and it does so to one run and not the next.
 */
final class Results {
  final Map<String, Map<String, Double>> ms = new LinkedHashMap<>();
  /** How many runs measured each operation and contender ("key|contender"). */
  private final Map<String, Integer> measured = new LinkedHashMap<>();
  /** JMH's forks, warm-up and measurement per run, as the result files state them. */
  String settings = "";

  void put(String key, String contender, double msPerOp) {
    ms.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(contender, msPerOp, Math::min);
    measured.merge(key + "|" + contender, 1, Integer::sum);
  }

  /** The most runs any figure is the fastest of (run.sh --repeat). */
  int repeats() {
    return measured.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  boolean isEmpty() {
    return ms.isEmpty();
  }

  double msOf(String key, String who) {
    Map<String, Double> row = ms.get(key);
    return row == null || !row.containsKey(who) ? Double.NaN : row.get(who);
  }

  /** Time ratio to hand JDBC on the same engine (above 1: slower), or NaN. */
  double ratio(String key, String who) {
    return msOf(key, who) / msOf(key, "jdbc");
  }

  /** Keys in {@link Report#ROWS}'s order, parameter variants together, unknown ones last. */
  List<String> orderedKeys() {
    List<String> keys = new ArrayList<>();
    for (String base : Report.ROWS.keySet()) {
      for (String k : ms.keySet()) {
        if ((k.equals(base) || k.startsWith(base + " [")) && !keys.contains(k)) {
          keys.add(k);
        }
      }
    }
    for (String k : ms.keySet()) {
      if (!keys.contains(k)) {
        keys.add(k);
      }
    }
    return keys;
  }

  /**
   * The operations table: ops/s per contender in {@code who} (hand JDBC first), with the time
   * ratio to hand JDBC in brackets.
   */
  void operations(StringBuilder b, String[] who, String[] headers) {
    b.append("| operation | rows/op");
    for (String h : headers) {
      b.append(" | ").append(h);
    }
    b.append(" |\n|---|---:");
    b.append("|---:".repeat(headers.length)).append("|\n");
    for (String key : orderedKeys()) {
      b.append("| ").append(key).append(" | ").append(Report.rowsOf(key));
      for (String w : who) {
        double t = msOf(key, w);
        b.append(" | ");
        if (Double.isNaN(t)) {
          b.append('-');
        } else {
          b.append(Report.f(1000 / t));
          if (!w.equals("jdbc")) {
            b.append(" (").append(Report.x(ratio(key, w))).append(')');
          }
        }
      }
      b.append(" |\n");
    }
  }

  /** The ORMs Keystone is compared with, beside hand JDBC. */
  private static final String[] OTHER_ORMS = {"ormlite", "hibernate", "jdbi"};
  /** Keystone's time within this factor of hand JDBC's, per operation. */
  static final double TARGET = 1.10;
  /** A key-blocked write until its typed, diagnosed error: at most this factor of the bare one. */
  static final double TYPED_ERROR_TARGET = 3.0;
  static final String TYPED_ERROR = "RestrictBench.restrictBlockedDelete";

  /**
   * One row per operation Keystone ran: its time ratio to hand JDBC, the best other ORM's (the
   * ORM nearest hand JDBC on that row), the target and PASS or MISS.
   */
  void verdicts(StringBuilder b) {
    b.append("| operation | Keystone | best other ORM | target | result |\n")
        .append("|---|---:|---|---:|---|\n");
    for (String key : orderedKeys()) {
      double keystone = ratio(key, "keystone");
      if (Double.isNaN(keystone)) {
        continue;
      }
      double target = key.startsWith(TYPED_ERROR) ? TYPED_ERROR_TARGET : TARGET;
      b.append("| ").append(key).append(" | ").append(Report.x(keystone)).append(" | ")
          .append(bestOther(key)).append(" | ").append(Report.x(target)).append(" | ")
          .append(keystone <= target ? "PASS" : String.format(java.util.Locale.ROOT,
              "MISS (over by %.0f%%)", (keystone / target - 1) * 100))
          .append(" |\n");
    }
  }

  private String bestOther(String key) {
    String best = null;
    double bestRatio = Double.NaN;
    for (String orm : OTHER_ORMS) {
      double r = ratio(key, orm);
      if (!Double.isNaN(r) && (best == null || r < bestRatio)) {
        best = orm;
        bestRatio = r;
      }
    }
    return best == null ? "-" : Report.x(bestRatio) + " (" + best + ")";
  }
}
