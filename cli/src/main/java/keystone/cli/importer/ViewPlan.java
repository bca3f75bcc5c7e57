package keystone.cli.importer;

import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.cli.schema.PostgresToSqlite;
import keystone.cli.schema.SourceSchema.Column;
import keystone.cli.schema.SourceSchema.Dialect;
import keystone.cli.schema.SourceSchema.Outside;

/**
 * A view of the source and the SELECTs its {@code @DatabaseView} gets, or why it gets none.
 *
 * <p>SQLite: the SELECT of the file's own {@code CREATE VIEW}, which the engine compares
 * (whitespace aside). PostgreSQL: {@code postgres} is the SELECT as {@code pg_get_viewdef} prints
 * it, which the engine compares after PostgreSQL has printed the compiled one the same way, and
 * {@code sqlite} is that SELECT rewritten for SQLite ({@link PostgresToSqlite}), which the
 * processor prepares at compile time; the rewrite is prepared here first, over the generated
 * tables and the views before it, and must name the same columns.
 *
 * @param postgres the PostgreSQL SELECT when it differs from {@code sqlite}, else null
 */
record ViewPlan(Outside view, String sqlite, String postgres, String refusal) {
  /** The head of a stored CREATE VIEW without a column list: what follows is the SELECT. */
  private static final Pattern HEAD = Pattern.compile(
      "(?is)^\\s*CREATE\\s+VIEW\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:\"(?:[^\"]|\"\")*\"|`[^`]*`"
          + "|\\[[^]]*]|[\\w$]+)\\s+AS\\s+(.*)$");
  private static final Pattern NO_TABLE = Pattern.compile("no such table: (?:main\\.)?(\\S+)");

  /**
   * @param tables the generated tables' columns by table name
   * @param earlier the views accepted before this one (a view may read them)
   * @param leftOut tables of the source that are not generated
   */
  static ViewPlan of(Outside view, Dialect dialect, Map<String, List<String>> tables,
      List<ViewPlan> earlier, Collection<String> leftOut) {
    if (dialect == Dialect.SQLITE) {
      return sqlite(view, leftOut);
    }
    PostgresToSqlite.Translation t = PostgresToSqlite.select(view.sql());
    if (t.refusal() != null) {
      return refused(view, "its SELECT is PostgreSQL that SQLite cannot run: " + t.refusal());
    }
    String postgres = PostgresToSqlite.oneLine(view.sql());
    if (postgres.contains(";") || t.sql().contains(";")) {
      return refused(view, "its SELECT holds a ';', which @DatabaseView does not accept");
    }
    Map<String, String> before = new LinkedHashMap<>();
    earlier.forEach(v -> before.put(v.view().name(), v.sqlite()));
    List<String> columns;
    try {
      columns = SqliteProbe.viewColumns(tables, before, view.name(), t.sql());
    } catch (SQLException e) {
      Matcher m = NO_TABLE.matcher(String.valueOf(e.getMessage()));
      return refused(view, m.find() ? "it reads " + m.group(1) + ", which is not imported"
          : "SQLite cannot prepare its SELECT rewritten as " + t.sql() + ": "
              + String.valueOf(e.getMessage()).replaceFirst(
                  "^\\[SQLITE_ERROR] SQL error or missing database \\((.*)\\)$", "$1"));
    }
    List<String> names = view.columns().stream().map(Column::name).toList();
    if (!lower(columns).equals(lower(names))) {
      return refused(view, "rewritten for SQLite its columns are " + columns + ", not " + names);
    }
    return new ViewPlan(view, t.sql(), postgres.equals(t.sql()) ? null : postgres, null);
  }

  private static ViewPlan sqlite(Outside view, Collection<String> leftOut) {
    if (view.columns().isEmpty() || !HEAD.matcher(view.sql()).matches()) {
      return refused(view, "it has a column list or no longer prepares");
    }
    String select = select(view);
    for (String table : leftOut) {
      if (Pattern.compile("(?i)(?<![\\w$])\"?" + Pattern.quote(table) + "\"?(?![\\w$])")
          .matcher(select).find()) {
        return refused(view, "it reads " + table + ", which is left out");
      }
    }
    return new ViewPlan(view, select, null, null);
  }

  private static ViewPlan refused(Outside view, String why) {
    return new ViewPlan(view, null, null, why);
  }

  private static String select(Outside view) {
    Matcher m = HEAD.matcher(view.sql());
    return m.matches() ? m.group(1).strip() : "";
  }

  private static List<String> lower(List<String> names) {
    return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
  }
}
