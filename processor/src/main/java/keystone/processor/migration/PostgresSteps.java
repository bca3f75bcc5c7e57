package keystone.processor.migration;

import static keystone.processor.sql.PostgresNames.quote;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import keystone.processor.migration.PlannedMigration.Sql;
import keystone.processor.migration.PlannedMigration.Step;
import keystone.processor.migration.SchemaVersion.Table;
import keystone.processor.migration.TableChange.ColumnChange;

/**
 * PostgreSQL's steps for a {@link SchemaChange}, made in place with its ALTER TABLE, which
 * (unlike SQLite's) can change types, nullability, defaults, keys and constraints. The engine
 * runs them in one transaction, with enforcement on, so their order is the order PostgreSQL's
 * dependencies need:
 *
 * <ol>
 *   <li>tables renamed (later steps use the new names);
 *   <li>keys that go, then indexes, UNIQUE and CHECK constraints that go (before the columns,
 *       unique constraints and tables they depend on);
 *   <li>tables dropped, children first;
 *   <li>each kept table's columns dropped, renamed, added and altered, its new constraints, and
 *       the names PostgreSQL gave its constraints brought in line with the new names;
 *   <li>new tables, parents first, and their indexes;
 *   <li>new indexes of kept tables;
 *   <li>keys: those of new tables that could not be declared inline, and each new or changed key
 *       of a kept table as {@code SchemaStep.addForeignKey} (NOT VALID, then validated).
 * </ol>
 *
 * <p>A table whose columns change order, or whose primary key changes, cannot be changed in
 * place: PostgreSQL adds columns only at the end. It gets a rebuild step, which the engine refuses
 * on PostgreSQL with a message, and the processor warns (see {@link #cannotAlter}).
 */
final class PostgresSteps {
  private final SchemaChange change;
  private final List<Step> steps = new ArrayList<>();
  private final List<String> changes = new ArrayList<>();

  private PostgresSteps(SchemaChange change) {
    this.change = change;
  }

  static PlannedMigration render(SchemaChange change) {
    PostgresSteps out = new PostgresSteps(change);
    out.render();
    if (out.steps.isEmpty()) {
      String note = change.unchanged() ? change.unchangedNote() : "nothing changes on PostgreSQL";
      return new PlannedMigration(change.from(), change.to(), List.of(note), List.of());
    }
    return new PlannedMigration(change.from(), change.to(), out.changes, out.steps);
  }

  /** Why PostgreSQL cannot change the table in place, or null when it can. */
  static String cannotAlter(TableChange table) {
    if (table.primaryKeyChanged()) {
      return "changes its primary key";
    }
    return table.reordered() ? "changes the order of its columns" : null;
  }

  private void render() {
    Map<TableChange, PostgresKeySteps> keys = new LinkedHashMap<>();
    Map<TableChange, PostgresColumnSteps> columns = new LinkedHashMap<>();
    for (TableChange t : change.keptTables()) {
      if (cannotAlter(t) == null) {
        keys.put(t, new PostgresKeySteps(t, change));
        columns.put(t, new PostgresColumnSteps(t));
      }
    }
    // PostgreSQL refuses to drop or retype a column, or drop a table, that a view reads: views
    // go first and the new version's come back last.
    change.oldViews().forEach(v -> sql("DROP VIEW IF EXISTS " + quote(v.name())));
    change.renamedTables().forEach((from, to) -> {
      sql("ALTER TABLE " + quote(from) + " RENAME TO " + quote(to));
      changes.add("renames table " + from + " to " + to);
    });
    keys.values().forEach(k -> steps.addAll(k.dropKeys()));
    keys.values().forEach(k -> steps.addAll(k.dropIndexes()));
    columns.values().forEach(c -> steps.addAll(c.dropConstraints()));
    List<Table> dropped = new ArrayList<>(change.droppedTables());
    for (int i = dropped.size() - 1; i >= 0; i--) {
      sql("DROP TABLE " + quote(dropped.get(i).name()));
    }
    dropped.forEach(t -> changes.add("drops table " + t.name()));
    createTables(keys, columns);
  }

  private void createTables(
      Map<TableChange, PostgresKeySteps> keys, Map<TableChange, PostgresColumnSteps> columns) {
    for (TableChange t : change.keptTables()) {
      PostgresColumnSteps c = columns.get(t);
      if (c == null) {
        rebuild(t);
      } else {
        steps.addAll(c.alter());
        steps.addAll(keys.get(t).renames());
      }
    }
    Set<String> existing = new HashSet<>();
    change.keptTables().forEach(t -> existing.add(t.now().name()));
    PostgresTableDdl.Statements created =
        PostgresTableDdl.create(change.addedTables(), existing, change::newTable);
    created.tables().forEach(this::sql);
    created.indexes().forEach(this::sql);
    change.addedTables().forEach(t -> changes.add("adds table " + t.name()));
    keys.values().forEach(k -> steps.addAll(k.createIndexes()));
    created.laterKeys().forEach(this::sql);
    keys.values().forEach(k -> steps.addAll(k.addKeys()));
    columns.forEach((t, c) -> {
      changes.addAll(c.changes());
      changes.addAll(keys.get(t).changes());
    });
    change.newViews().forEach(v -> sql(
        keystone.processor.sql.PostgresDdl.createView(v.name(), v.postgresSql())));
    if (!change.oldViews().isEmpty() || !change.newViews().isEmpty()) {
      changes.add("drops and re-creates the views");
    }
  }

  private void rebuild(TableChange table) {
    Table now = table.now();
    Map<String, String> sources = new LinkedHashMap<>();
    for (ColumnChange c : table.columns()) {
      if (c.kept() && !c.before().name().equals(c.after().name())) {
        sources.put(c.after().name(), quote(c.before().name()));
      }
    }
    List<String> indexes = new ArrayList<>();
    now.indexes().forEach(i -> indexes.add(PostgresTableDdl.createIndex(now, i)));
    steps.add(new PlannedMigration.Rebuild(now.name(),
        PostgresTableDdl.createTable(now, now.foreignKeys(), change::newTable), sources, indexes));
    changes.add("rebuilds " + now.name() + " (" + cannotAlter(table)
        + "), which the engine does not do on PostgreSQL");
  }

  private void sql(String ddl) {
    steps.add(new Sql(ddl));
  }
}
