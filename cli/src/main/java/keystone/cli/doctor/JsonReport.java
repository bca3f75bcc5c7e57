package keystone.cli.doctor;

import static keystone.cli.doctor.Json.string;
import static keystone.cli.doctor.Json.strings;

import java.util.ArrayList;
import java.util.List;

/** {@code --json}: one object with the source, every problem and every delete reach. */
public final class JsonReport {
  private JsonReport() {}

  public static String render(Report report) {
    List<String> problems = new ArrayList<>();
    for (Problem p : report.problems()) {
      problems.add(new Json()
          .field("severity", string(p.severity().label()))
          .field("kind", string(p.kind()))
          .field("table", string(p.table()))
          .field("columns", strings(p.columns()))
          .field("key", string(p.key()))
          .field("count", String.valueOf(p.count()))
          .field("samples", strings(p.samples()))
          .field("message", string(p.message()))
          .field("fix", string(p.fix()))
          .end());
    }
    List<String> reaches = new ArrayList<>();
    for (Reach r : report.reaches()) {
      reaches.add(new Json()
          .field("table", string(r.table()))
          .field("reaches", strings(r.reached()))
          .field("depth", String.valueOf(r.depth()))
          .field("largestFanOutKey", string(r.largestFanOutKey()))
          .field("largestFanOut", String.valueOf(r.largestFanOut()))
          .field("blockedBy", strings(r.blockedBy()))
          .end());
    }
    return new Json()
        .field("source", string(report.source()))
        .field("dialect", string(report.schema().dialect().label()))
        .field("tables", String.valueOf(report.schema().tables().size()))
        .field("foreignKeys", String.valueOf(report.schema().keys().size()))
        .field("errors", String.valueOf(report.count(Severity.ERROR)))
        .field("warnings", String.valueOf(report.count(Severity.WARNING)))
        .field("notes", String.valueOf(report.count(Severity.INFO)))
        .field("problems", "[\n  " + String.join(",\n  ", problems) + "\n]")
        .field("deleteReach", "[\n  " + String.join(",\n  ", reaches) + "\n]")
        .end() + "\n";
  }
}
