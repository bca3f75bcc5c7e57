package keystone.processor.reading;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.sql.EnforcementGuard;
import keystone.processor.sql.SqlParameters;
import keystone.processor.sql.SqlParameters.Occurrence;

/**
 * Reads {@code @Query(postgres = ...)}. Nothing can prepare it at compile time, so what is checked
 * is what the generated code relies on: the same parameters in the same order as the SQLite
 * statement (one binding serves both, expansions included), the same kind (the call's scope is
 * chosen once), and enforcement left on.
 */
final class PostgresVariant {
  private PostgresVariant() {}

  /**
   * The variant cut at each {@code :name}, or empty when it has problems, all reported at
   * {@code at}.
   */
  static Optional<List<String>> read(
      String sql, String sqlite, List<Occurrence> sqliteOccurrences, Set<String> parameters,
      Source at, Report report) {
    Optional<String> off = EnforcementGuard.offendingOnPostgres(sql);
    if (off.isPresent()) {
      report.add(at, Message.QUERY_DISABLES_ENFORCEMENT, off.get());
      return Optional.empty();
    }
    boolean ok = true;
    if (sql.isBlank() || QueryReader.readOnly(sql) != QueryReader.readOnly(sqlite)) {
      report.add(at, Message.QUERY_POSTGRES_KIND, kind(sql), kind(sqlite));
      ok = false;
    }
    List<Occurrence> occurrences = SqlParameters.findPostgres(sql);
    boolean known = true;
    for (Occurrence o : occurrences) {
      if (!parameters.contains(o.name())) {
        report.add(at, Message.QUERY_UNKNOWN_PARAMETER, o.name(), o.name());
        known = false;
      }
    }
    if (known && !names(occurrences).equals(names(sqliteOccurrences))) {
      report.add(at, Message.QUERY_POSTGRES_PARAMETERS, list(occurrences),
          list(sqliteOccurrences));
      ok = false;
    }
    if (!ok || !known) {
      return Optional.empty();
    }
    return Optional.of(SqlParameters.fragments(sql, occurrences));
  }

  private static String kind(String sql) {
    return sql.isBlank() ? "is empty" : QueryReader.readOnly(sql) ? "reads" : "writes";
  }

  private static List<String> names(List<Occurrence> occurrences) {
    return occurrences.stream().map(Occurrence::name).toList();
  }

  private static String list(List<Occurrence> occurrences) {
    return occurrences.isEmpty() ? "no parameter"
        : String.join(", ", occurrences.stream().map(o -> ":" + o.name()).toList());
  }
}
