package keystone.cli.doctor;

import java.util.Locale;

/** The report as a person reads it in a terminal. */
public final class TextReport {
  private TextReport() {}

  public static String render(Report report) {
    StringBuilder out = new StringBuilder();
    out.append("keystone doctor: ").append(report.source()).append(" (")
        .append(report.schema().dialect().label()).append("), ")
        .append(report.schema().tables().size()).append(" tables, ")
        .append(report.schema().keys().size()).append(" foreign key(s)\n\n");
    if (report.problems().isEmpty()) {
      out.append("No problems found.\n");
    }
    for (Problem p : report.problems()) {
      out.append(p.severity().label().toUpperCase(Locale.ROOT)).append("  ").append(p.kind())
          .append("  ").append(p.table());
      if (!p.columns().isEmpty()) {
        out.append('(').append(String.join(", ", p.columns())).append(')');
      }
      if (p.key() != null && !p.key().isEmpty()) {
        out.append("  [").append(p.key()).append(']');
      }
      out.append("\n  ").append(p.message()).append('\n');
      for (String sample : p.samples()) {
        out.append("    e.g. ").append(sample).append('\n');
      }
      out.append("  fix: ").append(p.fix()).append("\n\n");
    }
    if (!report.reaches().isEmpty()) {
      out.append(report.problems().isEmpty() ? "\n" : "")
          .append("What deleting one row reaches (from the data):\n");
      for (Reach r : report.reaches()) {
        out.append("  ").append(r.table()).append(": ");
        if (r.reached().isEmpty()) {
          out.append("no other table");
        } else {
          out.append(r.reached().size()).append(" table(s) (")
              .append(String.join(", ", r.reached())).append("), depth ").append(r.depth())
              .append(", largest fan-out ").append(r.largestFanOut()).append(" row(s) via ")
              .append(r.largestFanOutKey());
        }
        if (!r.blockedBy().isEmpty()) {
          out.append("; can be refused by ").append(String.join(", ", r.blockedBy()));
        }
        out.append('\n');
      }
      out.append('\n');
    }
    out.append(report.count(Severity.ERROR)).append(" error(s), ")
        .append(report.count(Severity.WARNING)).append(" warning(s), ")
        .append(report.count(Severity.INFO)).append(" note(s)\n");
    return out.toString();
  }
}
