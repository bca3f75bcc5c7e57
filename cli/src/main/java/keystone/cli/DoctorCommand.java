package keystone.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import keystone.cli.doctor.Doctor;
import keystone.cli.doctor.JsonReport;
import keystone.cli.doctor.MermaidReport;
import keystone.cli.doctor.Report;
import keystone.cli.doctor.Severity;
import keystone.cli.doctor.TextReport;
import keystone.cli.schema.Source;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keystone doctor}: the foreign-key health report. Changes nothing. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Reports what is wrong with a database's foreign keys: orphans per key, key columns"
          + " without an index, keys whose parent columns are neither primary nor unique"
          + " (SQLite's \"foreign key mismatch\"), type mismatches, enforcement evidently off,"
          + " deferred keys, RESTRICT/NO ACTION keys that refuse a cascading delete, cycles, and"
          + " what deleting a row of each parent table reaches.",
      "It only reads: an SQLite file is opened with mode=ro, a .sql file of DDL is loaded into a"
          + " private in-memory SQLite database, PostgreSQL is read in a READ ONLY transaction."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:no finding at or above --fail-on",
      "1:findings at or above --fail-on",
      "2:the source could not be read, or the arguments are wrong"
    })
final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SOURCE",
      description = "file.db, schema.sql, or jdbc:postgresql://host/db?user=...")
  String source;

  @Option(names = "--schema", paramLabel = "NAME",
      description = "PostgreSQL schema to read (default: public)")
  String schema;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "warning",
      description = "lowest severity that makes the exit status 1: error, warning, info or"
          + " never (default: ${DEFAULT-VALUE})")
  FailOn failOn;

  static final class Format {
    @Option(names = "--json", description = "JSON for tools instead of text") boolean json;

    @Option(names = "--mermaid", description = "a Mermaid erDiagram of the schema, relations"
        + " labelled with their actions and the problems found on them") boolean mermaid;
  }

  /** {@code --fail-on} values: a severity, or never. */
  enum FailOn {
    ERROR(Severity.ERROR),
    WARNING(Severity.WARNING),
    INFO(Severity.INFO),
    NEVER(null);

    final Severity threshold;

    FailOn(Severity threshold) {
      this.threshold = threshold;
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Report report;
    try (Source opened = Source.open(source, schema)) {
      report = Doctor.examine(opened);
    } catch (Exception e) {
      spec.commandLine().getErr().println("keystone doctor: " + e.getMessage());
      return 2;
    }
    out.print(format.json ? JsonReport.render(report)
        : format.mermaid ? MermaidReport.render(report) : TextReport.render(report));
    out.flush();
    return report.failsAt(failOn.threshold) ? 1 : 0;
  }
}
