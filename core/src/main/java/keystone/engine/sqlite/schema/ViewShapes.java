package keystone.engine.sqlite.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import keystone.engine.KeystoneException;
import keystone.engine.sqlite.SqliteConnection;

/**
 * The views of a file, and how they differ from the compiled ones. A view holds no rows, so what
 * must match is what a query over it sees: its columns (by {@code pragma_table_info}, which
 * prepares the view and so fails when a table or column it reads is gone) and its SELECT, as
 * SQLite stored it (https://www.sqlite.org/schematab.html), whitespace aside.
 */
public final class ViewShapes {
  private static final Pattern CREATE_VIEW = Pattern.compile(
      "(?i)^CREATE (?:TEMP\\w* )?VIEW (?:IF NOT EXISTS )?(?:\"[^\"]*\"|`[^`]*`|\\[[^]]*]|\\S+)"
          + " AS ");

  private ViewShapes() {}

  /** A view: its columns (null when it no longer prepares, with the error) and its SQL. */
  public record ViewShape(String name, List<String> columns, String error, String sql) {}

  /** Every view of the connection's main database, by lower-case name. */
  public static Map<String, ViewShape> read(SqliteConnection connection) {
    Map<String, ViewShape> views = new LinkedHashMap<>();
    for (String name :
        connection.queryStrings(
            "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")) {
      String sql = (String) connection.queryValue(
          "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", name);
      List<String> columns = null;
      String error = null;
      try {
        columns = new ArrayList<>();
        for (String c :
            connection.queryStrings("SELECT name FROM pragma_table_info(?) ORDER BY cid", name)) {
          columns.add(c.toLowerCase(Locale.ROOT));
        }
      } catch (KeystoneException e) {
        columns = null;
        error = e.getMessage();
      }
      views.put(name.toLowerCase(Locale.ROOT), new ViewShape(name, columns, error, normal(sql)));
    }
    return views;
  }

  /** Compiled views the file lacks or has otherwise; views of its own are the user's. */
  public static List<String> differences(
      Map<String, ViewShape> compiled, Map<String, ViewShape> actual) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, ViewShape> entry : compiled.entrySet()) {
      ViewShape expected = entry.getValue();
      ViewShape found = actual.get(entry.getKey());
      if (found == null) {
        problems.add("view " + expected.name() + " is missing");
      } else if (found.columns() == null) {
        problems.add("view " + expected.name() + " no longer prepares: " + found.error());
      } else if (!found.sql().equals(expected.sql())) {
        problems.add("view " + expected.name() + " is " + found.sql() + ", compiled "
            + expected.sql());
      } else if (!found.columns().equals(expected.columns())) {
        problems.add("view " + expected.name() + " has columns " + found.columns()
            + ", compiled " + expected.columns());
      }
    }
    return problems;
  }

  /**
   * The SELECT of a CREATE VIEW, whitespace collapsed: how the name is quoted (Room writes
   * {@code `name`}) is not what a query over the view sees.
   */
  private static String normal(String sql) {
    String text = sql == null ? "" : sql.strip().replaceAll("\\s+", " ");
    return CREATE_VIEW.matcher(text).replaceFirst("");
  }
}
