package keystone.cli.importer;

import static keystone.cli.schema.Sql.quote;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The values a source column already holds, read to decide whether a Keystone value type's
 * stored form (README "Column types") is exactly what is in the file: a column is mapped to
 * {@code LocalDate} only when every value in it is already {@code yyyy-MM-dd} text.
 */
final class ColumnValues {
  /** A file's rows; null for a .sql source, whose in-memory rows are not the database's. */
  private final Connection connection;

  /** {@code others}: non-NULL values that do not have the form; -1 when nothing was read. */
  record Seen(long values, long others) {
    boolean fits() {
      return others == 0;
    }

    String describe(String form) {
      if (others < 0) {
        return "a .sql source has no rows to check; import the database file itself to map it";
      }
      return others == 0 ? "all " + values + " value(s) are " + form
          : others + " of " + values + " value(s) are not " + form;
    }
  }

  ColumnValues(Connection connection) {
    this.connection = connection;
  }

  /** Counts the column's non-NULL values and those for which {@code fits} (SQL over v) fails. */
  Seen check(String table, String column, String fits) {
    if (connection == null) {
      return new Seen(0, -1);
    }
    String sql = "SELECT count(*), coalesce(sum(CASE WHEN " + fits + " THEN 0 ELSE 1 END), 0)"
        + " FROM (SELECT " + quote(column) + " AS v FROM " + quote(table) + ") WHERE v IS NOT"
        + " NULL";
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return new Seen(rs.getLong(1), rs.getLong(2));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + table + "." + column + ": "
          + e.getMessage(), e);
    }
  }
}
