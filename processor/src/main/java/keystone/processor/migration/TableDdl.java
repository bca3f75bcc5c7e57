package keystone.processor.migration;

import static keystone.processor.sql.SqlNames.quote;
import static keystone.processor.sql.SqlNames.quoteAll;

import java.util.ArrayList;
import java.util.List;
import keystone.processor.migration.SchemaVersion.Column;
import keystone.processor.migration.SchemaVersion.Index;
import keystone.processor.migration.SchemaVersion.Key;
import keystone.processor.migration.SchemaVersion.Table;
import keystone.processor.sql.Ddl;

/**
 * DDL for a table of a {@link SchemaVersion}, in the very form {@code keystone.processor.sql.Ddl}
 * gives the entities (a test holds the two together), because an earlier version exists only as
 * its export and has no entity classes any more.
 */
final class TableDdl {
  private TableDdl() {}

  static String createTable(Table table) {
    List<String> lines = new ArrayList<>();
    boolean singleKey = table.primaryKey().size() == 1;
    for (Column c : table.columns()) {
      lines.add(column(c, singleKey));
    }
    if (!singleKey && !table.primaryKey().isEmpty()) {
      lines.add("PRIMARY KEY (" + quoteAll(table.primaryKey()) + ")");
    }
    for (String check : table.checks()) {
      lines.add("CHECK (" + check + ")");
    }
    for (Index i : table.indexes()) {
      if (i.constraint()) {
        lines.add(Ddl.uniqueConstraint(i.columns()));
      }
    }
    for (Key fk : table.foreignKeys()) {
      lines.add("CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY (" + quoteAll(fk.columns())
          + ") REFERENCES " + quote(fk.parentTable()) + " (" + quoteAll(fk.parentColumns())
          + ") ON DELETE " + fk.onDelete() + " ON UPDATE " + fk.onUpdate()
          + (fk.deferred() ? " DEFERRABLE INITIALLY DEFERRED" : ""));
    }
    return "CREATE TABLE " + quote(table.name()) + " (\n  " + String.join(",\n  ", lines) + "\n)";
  }

  /** The column as ALTER TABLE ADD COLUMN and CREATE TABLE write it. */
  static String column(Column c, boolean singleKey) {
    return Ddl.columnDefinition(c.name(), c.type(), c.notNull(), c.keyPosition() > 0 && singleKey,
        c.defaultValue(), c.unique(), c.check());
  }

  static String createIndex(Table table, Index index) {
    return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name())
        + " ON " + quote(table.name()) + " (" + quoteAll(index.columns()) + ")";
  }

  static List<String> createIndexes(Table table) {
    List<String> out = new ArrayList<>();
    for (Index i : table.indexes()) {
      if (!i.constraint()) {
        out.add(createIndex(table, i));
      }
    }
    return out;
  }
}
