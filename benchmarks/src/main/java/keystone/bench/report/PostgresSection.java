package keystone.bench.report;

import java.util.Locale;

/**
 * The PostgreSQL group (run.sh --postgres): the same operations on a real PostgreSQL, each
 * contender's time against hand JDBC on PostgreSQL, and what the retrying transaction costs.
 */
final class PostgresSection {
  private static final String[] WHO = {"jdbc", "keystone", "ormlite", "hibernate", "jdbi"};
  private static final String[] HEADERS = {"hand JDBC", "Keystone", "ORMLite", "Hibernate", "JDBI"};

  private final Results pg;
  private final String pom;
  private final String server;
  /** The chart of the ratios (Report.svg), beside the report. */
  private final String chart;

  PostgresSection(Results pg, String pom, String server, String chart) {
    this.pg = pg;
    this.pom = pom;
    this.server = server;
    this.chart = chart;
  }

  /** Writes the section; {@code parent} is the heading level it sits under ("" at the top). */
  void write(StringBuilder b, String parent) {
    String h = parent + "## ";
    if (!parent.isEmpty()) {
      b.append(parent).append(" PostgreSQL\n\n");
    }
    // From run.sh: the server's line, the command, and the CPU the group was pinned to.
    String[] facts = server.split("\n");
    b.append("- Server: ").append(facts[0].isEmpty() ? "?" : facts[0].strip()).append('\n');
    if (facts.length > 1) {
      b.append("- Command: `").append(facts[1].strip()).append('`');
      if (facts.length > 2 && !facts[2].isBlank()) {
        b.append(", the group pinned to one CPU with `").append(facts[2].strip())
            .append("` (see run.sh)");
      }
      b.append("; JMH ").append(pg.settings).append(" per run, average time\n");
    }
    b.append("- Driver and pool: pgjdbc ").append(Report.prop(pom, "postgresql.version"))
        .append(", HikariCP ").append(Report.prop(pom, "hikaricp.version"))
        .append(" with Keystone's default settings (5 connections) for every contender;")
        .append(" Keystone opens its own through `Keystone.builder(...).postgres(url)`\n");
    b.append("- Contenders as on SQLite, on Keystone's PostgreSQL DDL (identity keys,")
        .append(" DEFERRABLE foreign keys): hand JDBC holds one pooled connection per trial;")
        .append(" Hibernate ").append(Report.prop(pom, "hibernate.version"))
        .append(" with PostgreSQLDialect (IDENTITY keys, so no insert batching); JDBI ")
        .append(Report.prop(pom, "jdbi.version")).append("; ORMLite ")
        .append(Report.prop(pom, "ormlite.version")).append(" (nextval before each insert)\n\n");
    b.append("![ratios to hand JDBC on PostgreSQL](").append(chart).append(")\n\n");
    b.append(h).append("Operations on PostgreSQL\n\n");
    b.append("ops/s of whole operations; in brackets the time ratio to hand JDBC on PostgreSQL")
        .append(" (1.00x = as fast; 2.00x = twice the time).");
    if (pg.repeats() > 1) {
      b.append(" Each figure is the fastest of ").append(pg.repeats())
          .append(" runs (run.sh --repeat): other work on a shared machine only adds time.");
    }
    b.append("\n\n");
    pg.operations(b, WHO, HEADERS);
    b.append("\nPer operation, against the targets (1.10x; the typed error 3x):\n\n");
    pg.verdicts(b);
    retry(b);
  }

  /** The retrying transaction against the plain one, on the success path. */
  private void retry(StringBuilder b) {
    String plain = "RetryBench.transaction [retry=false]";
    String retrying = "RetryBench.transaction [retry=true]";
    StringBuilder lines = new StringBuilder();
    for (String who : new String[] {"keystone", "jdbc"}) {
      double cost = pg.msOf(retrying, who) / pg.msOf(plain, who) - 1;
      if (!Double.isNaN(cost)) {
        String name =
            who.equals("jdbc") ? "hand JDBC with a hand-written retry loop" : "Keystone";
        lines.append(String.format(Locale.ROOT, "- %s: %+.1f%%%n", name, cost * 100));
      }
    }
    if (lines.length() > 0) {
      b.append("\nRetrying variant on the success path (time of")
          .append(" `runInTransaction(Retry.transientFailures(5), body)` over")
          .append(" `runInTransaction(body)`, nothing failing):\n\n").append(lines);
    }
  }
}
