package keystone.processor.migration;

import static keystone.processor.sql.SqlNames.quote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keystone.processor.migration.PlannedMigration.Sql;
import keystone.processor.migration.PlannedMigration.Step;
import keystone.processor.migration.SchemaVersion.Column;
import keystone.processor.migration.SchemaVersion.Index;
import keystone.processor.migration.SchemaVersion.Table;
import keystone.processor.migration.TableChange.ColumnChange;
import keystone.processor.sql.Ddl;

/**
 * SQLite's steps for a {@link SchemaChange}: table renames first (later steps use the new names),
 * then dropped tables, new tables, and each kept table in creation order, in place (ADD COLUMN,
 * index changes) when SQLite's ALTER TABLE can do it, else one rebuild. ALTER TABLE cannot add or
 * change a key, a foreign key, a CHECK, a type, a nullability or a default
 * (https://www.sqlite.org/lang_altertable.html#otheralter). The engine runs the steps with
 * enforcement off, so a parent can be rebuilt under its children and a child can be created
 * before its parent is changed; every key is checked once, at the end.
 */
final class SqliteSteps {
  private final List<Step> steps = new ArrayList<>();
  private final List<String> changes = new ArrayList<>();

  private SqliteSteps() {}

  static PlannedMigration render(SchemaChange change) {
    if (change.unchanged()) {
      return new PlannedMigration(change.from(), change.to(), List.of(change.unchangedNote()),
          List.of());
    }
    SqliteSteps out = new SqliteSteps();
    // Views hold no rows: they go first, so that no rebuild or drop trips over one, and the new
    // version's come back last, over the finished tables.
    change.oldViews().forEach(v -> out.add("DROP VIEW IF EXISTS " + quote(v.name())));
    change.renamedTables().forEach((from, to) -> {
      // SQLite (3.26+, legacy_alter_table off) re-points the children's REFERENCES too.
      out.add("ALTER TABLE " + quote(from) + " RENAME TO " + quote(to));
      out.changes.add("renames table " + from + " to " + to);
    });
    for (Table t : change.droppedTables()) {
      out.add("DROP TABLE " + quote(t.name()));
      out.changes.add("drops table " + t.name());
    }
    for (Table t : change.addedTables()) {
      out.add(TableDdl.createTable(t));
      TableDdl.createIndexes(t).forEach(out::add);
      out.changes.add("adds table " + t.name());
    }
    change.keptTables().forEach(out::table);
    change.newViews().forEach(v -> out.add(Ddl.createView(v.name(), v.sql())));
    if (!change.oldViews().isEmpty() || !change.newViews().isEmpty()) {
      out.changes.add("drops and re-creates the views");
    }
    return new PlannedMigration(change.from(), change.to(), out.changes, out.steps);
  }

  private void add(String ddl) {
    steps.add(new Sql(ddl));
  }

  private void table(TableChange table) {
    List<String> why = reasons(table);
    List<String> addedWhy = new ArrayList<>();
    for (ColumnChange c : table.added()) {
      String blocker = cannotAdd(table.now(), c.after());
      addedWhy.add("adds column " + c.after().name() + (blocker == null ? "" : " (" + blocker
          + ")"));
      if (blocker != null) {
        why.add(addedWhy.get(addedWhy.size() - 1));
      }
    }
    if (why.isEmpty()) {
      inPlace(table);
      return;
    }
    addedWhy.stream().filter(a -> !why.contains(a)).forEach(why::add);
    rebuild(table, why);
  }

  /** What ALTER TABLE cannot do, in words, for the comment of a rebuild. */
  private static List<String> reasons(TableChange table) {
    List<String> why = new ArrayList<>();
    for (ColumnChange c : table.columns()) {
      if (c.renameDeclared()) {
        why.add("renames column " + c.before().name() + " to " + c.after().name());
        if (c.redefined()) {
          why.add("changes column " + c.after().name());
        }
      } else if (c.dropped()) {
        why.add("drops column " + c.before().name());
      } else if (c.redefined()) {
        why.add("changes column " + c.before().name());
      }
    }
    if (table.primaryKeyChanged()) {
      why.add("changes its primary key");
    }
    if (table.checksChanged()) {
      why.add("changes its CHECKs");
    }
    if (table.keysChanged()) {
      why.add("changes its foreign keys");
    }
    if (table.droppedIndexes().stream().anyMatch(Index::constraint)
        || table.addedIndexes().stream().anyMatch(Index::constraint)) {
      why.add("changes its UNIQUE constraints");
    }
    if (table.reordered()) {
      why.add("reorders its columns");
    }
    return why;
  }

  /**
   * Why ALTER TABLE ADD COLUMN cannot add the column, or null
   * (https://www.sqlite.org/lang_altertable.html#altertabaddcol).
   */
  private static String cannotAdd(Table table, Column c) {
    if (c.keyPosition() > 0) {
      return "a primary key column";
    }
    if (c.unique()) {
      return "UNIQUE";
    }
    String dflt = c.defaultValue() == null ? "" : c.defaultValue().trim();
    String upper = dflt.toUpperCase(Locale.ROOT);
    if (dflt.startsWith("(") || upper.startsWith("CURRENT_")) {
      return "its default is not a constant";
    }
    boolean referencing = table.foreignKeys().stream()
        .anyMatch(k -> k.columns().stream().anyMatch(c.name()::equalsIgnoreCase));
    if (referencing && !dflt.isEmpty() && !upper.equals("NULL")) {
      return "a foreign-key column with a non-NULL default";
    }
    return null;
  }

  private void inPlace(TableChange table) {
    Table now = table.now();
    for (ColumnChange c : table.added()) {
      add("ALTER TABLE " + quote(now.name()) + " ADD COLUMN " + TableDdl.column(c.after(), false));
      changes.add("adds column " + now.name() + "." + c.after().name());
    }
    for (Index i : table.droppedIndexes()) {
      add("DROP INDEX " + quote(i.name()));
      changes.add("drops index " + i.name());
    }
    for (Index i : table.addedIndexes()) {
      add(TableDdl.createIndex(now, i));
      changes.add("creates index " + i.name());
    }
  }

  /**
   * The old indexes are dropped first: the rebuild recreates the table's indexes as they are in
   * the file when it is given none, and an old index may name a column that no longer exists.
   */
  private void rebuild(TableChange table, List<String> why) {
    for (Index i : table.old().indexes()) {
      if (!i.constraint()) {
        add("DROP INDEX " + quote(i.name()));
      }
    }
    Map<String, String> sources = new LinkedHashMap<>();
    for (ColumnChange c : table.columns()) {
      if (c.renameDeclared()) {
        sources.put(c.after().name(), quote(c.before().name()));
      }
    }
    Table now = table.now();
    steps.add(new PlannedMigration.Rebuild(now.name(), TableDdl.createTable(now), sources,
        TableDdl.createIndexes(now)));
    changes.add("rebuilds " + now.name() + " (" + String.join(", ", why) + ")");
  }
}
