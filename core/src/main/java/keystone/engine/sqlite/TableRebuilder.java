package keystone.engine.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.engine.KeystoneException;
import keystone.engine.SchemaStep.Rebuild;

/**
 * Steps 3 to 9 of https://www.sqlite.org/lang_altertable.html#otheralter for one table, run by
 * {@link MigrationRunner} inside a transaction on a connection whose enforcement it switched off.
 * The new table is built under a temporary name and renamed onto the old one, never the other way:
 * with legacy_alter_table off SQLite would re-point every child's REFERENCES at the renamed old
 * table, which is then dropped.
 */
final class TableRebuilder {
  private static final Pattern CREATE =
      Pattern.compile("(?is)^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\"[^\"]+\"|\\S+?)(\\s*\\()");

  private final SqliteConnection connection;

  TableRebuilder(SqliteConnection connection) {
    this.connection = connection;
  }

  void rebuild(Rebuild step) {
    String table = step.table();
    String temporary = "_new_" + table;
    List<String> oldColumns = columns(table);
    if (oldColumns.isEmpty()) {
      throw new KeystoneException("Cannot rebuild table " + table + ": it does not exist");
    }
    List<String> keep = step.indexes().isEmpty() ? schemaOf(table, "index") : step.indexes();
    List<String> triggers = schemaOf(table, "trigger");
    // Step 2's last part: the rename below re-parses every view, and one reading the dropped
    // table stops it ("error in view v: no such table"); so every view goes, and comes back.
    List<String[]> views = views();
    for (String[] view : views) {
      connection.execUncached("DROP VIEW " + quote(view[0]));
    }
    connection.execUncached(renamed(step.createTable(), temporary));
    copy(step, table, temporary, oldColumns);
    connection.execUncached("DROP TABLE " + quote(table));
    connection.execUncached("ALTER TABLE " + quote(temporary) + " RENAME TO " + quote(table));
    for (String ddl : keep) {
      connection.execUncached(ddl);
    }
    for (String ddl : triggers) {
      connection.execUncached(ddl);
    }
    recreate(views, table);
  }

  /** The views of the file, name and CREATE VIEW, in creation order. */
  private List<String[]> views() {
    List<String[]> views = new ArrayList<>();
    List<String> names = connection.queryStrings(
        "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY rowid");
    for (String name : names) {
      views.add(new String[] {name, (String) connection.queryValue(
          "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", name)});
    }
    return views;
  }

  /**
   * Re-creates the views as they were. SQLite accepts a CREATE VIEW whatever it reads, so each is
   * prepared too: a view that reads a column the rebuild removed fails the migration here.
   */
  private void recreate(List<String[]> views, String table) {
    for (String[] view : views) {
      connection.execUncached(view[1]);
    }
    for (String[] view : views) {
      try {
        connection.queryStrings("SELECT name FROM pragma_table_info(?)", view[0]);
      } catch (KeystoneException e) {
        throw new KeystoneException("View " + view[0] + " no longer works after table " + table
            + " was rebuilt (" + e.getMessage() + "); drop it, or re-create it as it should be,"
            + " in the same migration", e);
      }
    }
  }

  private void copy(Rebuild step, String table, String temporary, List<String> oldColumns) {
    Set<String> old = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    old.addAll(oldColumns);
    List<String> targets = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (String column : columns(temporary)) {
      String source = step.columnSources().get(column);
      if (source == null && old.contains(column)) {
        source = quote(column);
      }
      if (source != null) {
        targets.add(quote(column));
        sources.add(source);
      }
    }
    connection.execUncached(
        "INSERT INTO " + quote(temporary) + " (" + String.join(", ", targets) + ") SELECT "
            + String.join(", ", sources) + " FROM " + quote(table));
  }

  private static String renamed(String createTable, String temporary) {
    Matcher m = CREATE.matcher(createTable);
    if (!m.find()) {
      throw new KeystoneException("Not a CREATE TABLE statement: " + createTable);
    }
    return "CREATE TABLE " + quote(temporary) + m.group(2) + createTable.substring(m.end());
  }

  private List<String> columns(String table) {
    return connection.queryStrings("SELECT name FROM pragma_table_info(?) ORDER BY cid", table);
  }

  /** The CREATE statements of the table's own indexes or triggers (automatic ones have none). */
  private List<String> schemaOf(String table, String type) {
    return connection.queryStrings(
        "SELECT sql FROM sqlite_master WHERE type = ? AND tbl_name = ? COLLATE NOCASE"
            + " AND sql IS NOT NULL", type, table);
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
