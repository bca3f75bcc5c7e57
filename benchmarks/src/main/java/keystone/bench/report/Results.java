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
  /** How many runs (JMH result files) measured this engine. */
  int runs;
  /** JMH's forks, warm-up and measurement per run, as the result files state them. */
  String settings = "";

  void put(String key, String contender, double msPerOp) {
    ms.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(contender, msPerOp, Math::min);
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
}
