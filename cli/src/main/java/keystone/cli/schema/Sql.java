package keystone.cli.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Quoting and the few query shapes the doctor runs; the same SQL reads SQLite and PostgreSQL. */
public final class Sql {
  private Sql() {}

  public static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** {@code "a", "b"} or, with an alias, {@code c."a", c."b"}. */
  public static String columns(String alias, List<String> names) {
    return names.stream()
        .map(n -> (alias == null ? "" : alias + ".") + quote(n))
        .collect(Collectors.joining(", "));
  }

  /** {@code c."a" IS NOT NULL AND c."b" IS NOT NULL}: a NULL in any key column exempts a row. */
  public static String allNotNull(String alias, List<String> names) {
    return names.stream()
        .map(n -> alias + "." + quote(n) + " IS NOT NULL")
        .collect(Collectors.joining(" AND "));
  }

  public static long count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /**
   * The first {@code limit} rows of {@code SELECT shown FROM ...} in the order of those columns
   * (so a report reads the same on every run and engine), each as {@code name=value, ...}.
   */
  public static List<String> samples(Connection c, List<String> shown, String from, int limit)
      throws SQLException {
    return samples(c, "SELECT " + columns("c", shown) + from + " ORDER BY "
        + columns("c", shown) + " LIMIT " + limit);
  }

  /** Each row as {@code name=value, ...} with text values quoted, for samples in a report. */
  private static List<String> samples(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          String text = v instanceof String s ? "'" + s + "'" : v instanceof byte[] ? "x'…'"
              : String.valueOf(v);
          values.add(rs.getMetaData().getColumnLabel(i) + "=" + text);
        }
        rows.add(String.join(", ", values));
      }
    }
    return rows;
  }
}
