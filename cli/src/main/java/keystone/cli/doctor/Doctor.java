package keystone.cli.doctor;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import keystone.cli.schema.Source;
import keystone.cli.schema.SourceSchema;
import keystone.cli.schema.SourceSchema.Key;

/** Runs every check on an opened source; reads only. */
public final class Doctor {
  private Doctor() {}

  public static Report examine(Source source) throws SQLException {
    SourceSchema schema = source.schema();
    List<Problem> problems = new ArrayList<>();
    KeyChecks keys = new KeyChecks(source.connection(), schema, problems);
    List<Key> withOrphans = new ArrayList<>();
    long orphans = 0;
    for (Key key : schema.keys()) {
      long found = keys.check(key);
      if (found > 0) {
        withOrphans.add(key);
        orphans += found;
      }
    }
    if (!withOrphans.isEmpty()) {
      problems.add(enforcementOff(schema, withOrphans, orphans));
    }
    GraphChecks graph = new GraphChecks(source.connection(), schema);
    graph.restrictChains(problems);
    graph.cycles(problems);
    problems.sort(Comparator.comparing(Problem::severity).reversed()
        .thenComparing(Problem::kind).thenComparing(Problem::table));
    return new Report(source.description(), schema, problems, graph.reaches());
  }

  /**
   * Enforcement is a property of each connection (PRAGMA foreign_keys), not of the file, so it
   * cannot be read back; orphans under declared keys are the evidence that some writer had it off.
   * On PostgreSQL orphans mean triggers were disabled (session_replication_role = replica) or a
   * key was added NOT VALID.
   */
  private static Problem enforcementOff(SourceSchema schema, List<Key> keys, long orphans) {
    boolean sqlite = schema.dialect() == SourceSchema.Dialect.SQLITE;
    return new Problem(Severity.ERROR, "enforcement-off", keys.get(0).table(), List.of(),
        String.join(", ", keys.stream().map(Key::name).toList()), orphans, List.of(),
        orphans + " orphan row(s) under " + keys.size() + " declared key(s): "
            + (sqlite
                ? "some writer ran with PRAGMA foreign_keys = OFF (SQLite's default)"
                : "enforcement was bypassed (disabled triggers or NOT VALID keys)"),
        sqlite
            ? "run PRAGMA foreign_keys = ON on every connection (Keystone always does), mend"
                + " the orphans above, then PRAGMA foreign_key_check must return nothing"
            : "mend the orphans above, then ALTER TABLE ... VALIDATE CONSTRAINT each key");
  }
}
