package keystone.cli.doctor;

import java.util.List;
import keystone.cli.schema.SourceSchema;

/** Everything {@code doctor} found about one database. */
public record Report(
    String source, SourceSchema schema, List<Problem> problems, List<Reach> reaches) {

  public Report {
    problems = List.copyOf(problems);
    reaches = List.copyOf(reaches);
  }

  public long count(Severity severity) {
    return problems.stream().filter(p -> p.severity() == severity).count();
  }

  /** Whether any finding is at least {@code threshold}; null means never fail. */
  public boolean failsAt(Severity threshold) {
    return threshold != null
        && problems.stream().anyMatch(p -> p.severity().compareTo(threshold) >= 0);
  }
}
