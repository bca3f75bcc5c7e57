package keystone.cli.importer;

import static keystone.cli.schema.Sql.quote;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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

  static boolean acceptsDefault(String expression) {
    return runs("CREATE TABLE probe (c DEFAULT " + expression + ")");
  }

  private static String names(List<String> columns) {
    return columns.stream().map(c -> quote(c)).collect(Collectors.joining(", "));
  }

  private static boolean runs(String ddl) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement st = c.createStatement()) {
      st.execute(ddl);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
