package keystone.cli.importer;

import static keystone.cli.schema.Sql.quote;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether SQLite accepts an expression PostgreSQL printed: the processor builds every schema in
 * SQLite at compile time, so a CHECK or DEFAULT that SQLite cannot parse must be listed, not
 * generated into code that does not compile.
 */
final class SqliteProbe {
  private SqliteProbe() {}

  /** {@code CREATE TABLE probe (columns..., CHECK (expression))} on an in-memory database. */
  static boolean acceptsCheck(List<String> columns, String expression) {
    return runs("CREATE TABLE probe (" + names(columns) + ", CHECK (" + expression + "))");
  }

  /**
   * Whether SQLite parses and evaluates the default: it reads {@code DEFAULT (now())} and finds
   * that it has no {@code now()} only when a row takes the default.
   */
  static boolean acceptsDefault(String expression) {
    return runs("CREATE TABLE probe (c DEFAULT " + expression + ")",
        "INSERT INTO probe DEFAULT VALUES");
  }

  /**
   * The columns SQLite names for view {@code name} over tables of these columns (by table name)
   * and the views {@code before} it (name to SELECT); throws SQLite's error when it does not
   * prepare, as the processor would report it.
   */
  static List<String> viewColumns(Map<String, List<String>> tables, Map<String, String> before,
      String name, String select) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement st = c.createStatement()) {
      for (Map.Entry<String, List<String>> t : tables.entrySet()) {
        st.execute("CREATE TABLE " + quote(t.getKey()) + " (" + names(t.getValue()) + ")");
      }
      for (Map.Entry<String, String> v : before.entrySet()) {
        st.execute("CREATE VIEW " + quote(v.getKey()) + " AS " + v.getValue());
      }
      // SQLite accepts a CREATE VIEW over a missing table; preparing a read over it does not.
      st.execute("CREATE VIEW " + quote(name) + " AS " + select);
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT * FROM " + quote(name) + " LIMIT 0")) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          columns.add(rs.getMetaData().getColumnLabel(i));
        }
      }
      return columns;
    }
  }

  private static String names(List<String> columns) {
    return columns.stream().map(c -> quote(c)).collect(Collectors.joining(", "));
  }

  private static boolean runs(String... statements) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
