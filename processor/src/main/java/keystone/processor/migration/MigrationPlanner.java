package keystone.processor.migration;

import static keystone.processor.sql.SqlNames.quote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.migration.AutoMigrationDeclaration.ColumnDelete;
import keystone.processor.migration.AutoMigrationDeclaration.ColumnRename;
import keystone.processor.migration.AutoMigrationDeclaration.Spec;
import keystone.processor.migration.AutoMigrationDeclaration.TableDelete;
import keystone.processor.migration.AutoMigrationDeclaration.TableRename;
import keystone.processor.migration.PlannedMigration.Step;
import keystone.processor.migration.SchemaVersion.Table;

/**
 * Compares two versions and plans the steps between them, checking the spec's declarations
 * against both. Every problem is reported; a migration with problems is not planned.
 *
 * <p>Order of the steps: table renames first (later steps use the new names), then dropped
 * tables, new tables, and the changes of each kept table in creation order. The engine runs them
 * all with enforcement off, so a parent can be rebuilt under its children and a child can be
 * created before its parent is changed; every key is checked once, at the end.
 */
final class MigrationPlanner {
  private final AutoMigrationDeclaration decl;
  private final SchemaVersion before;
  private final SchemaVersion after;
  private final Report report;
  private boolean failed;

  private MigrationPlanner(
      AutoMigrationDeclaration decl, SchemaVersion before, SchemaVersion after, Report report) {
    this.decl = decl;
    this.before = before;
    this.after = after;
    this.report = report;
  }

  /** The plan, or null when the report got errors. */
  static PlannedMigration plan(
      AutoMigrationDeclaration decl, SchemaVersion before, SchemaVersion after, Report report) {
    return new MigrationPlanner(decl, before, after, report).plan();
  }

  private PlannedMigration plan() {
    Spec spec = decl.spec();
    if (Objects.equals(before.identityHash(), after.identityHash()) && isEmpty(spec)) {
      return new PlannedMigration(decl.from(), decl.to(),
          List.of("the schema is unchanged (identity hash " + after.identityHash() + ")"),
          List.of());
    }
    Map<String, String> renamed = tableRenames(spec);
    List<String> deleted = tableDeletes(spec);
    List<String> changes = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    renamed.forEach((lowerFrom, to) -> {
      String from = before.table(lowerFrom).orElseThrow().name();
      // SQLite (3.26+, legacy_alter_table off) re-points the children's REFERENCES too.
      steps.add(new PlannedMigration.Sql("ALTER TABLE " + quote(from) + " RENAME TO " + quote(to)));
      changes.add("renames table " + from + " to " + to);
    });
    Map<String, Table> pairs = new LinkedHashMap<>();
    for (Table old : before.tables()) {
      String name = renamed.getOrDefault(SchemaVersion.lower(old.name()), old.name());
      if (deleted.contains(SchemaVersion.lower(old.name()))) {
        steps.add(new PlannedMigration.Sql("DROP TABLE " + quote(old.name())));
        changes.add("drops table " + old.name());
      } else if (after.table(name).isEmpty()) {
        error(Message.AUTO_MIGRATION_TABLE_GONE, decl.from(), decl.to(), old.name());
      } else {
        pairs.put(SchemaVersion.lower(name), old);
      }
    }
    for (Table t : after.tables()) {
      if (!pairs.containsKey(SchemaVersion.lower(t.name()))) {
        steps.add(new PlannedMigration.Sql(TableDdl.createTable(t)));
        TableDdl.createIndexes(t).forEach(i -> steps.add(new PlannedMigration.Sql(i)));
        changes.add("adds table " + t.name());
      }
    }
    checkColumnDeclarations(spec, pairs);
    for (Table t : after.tables()) {
      Table old = pairs.get(SchemaVersion.lower(t.name()));
      if (old != null) {
        TableChange change = TableChange.of(old, t, spec, decl, report);
        failed |= change == null;
        if (change != null) {
          steps.addAll(change.steps());
          changes.addAll(change.changes());
        }
      }
    }
    return failed ? null : new PlannedMigration(decl.from(), decl.to(), changes, steps);
  }

  private Map<String, String> tableRenames(Spec spec) {
    Map<String, String> renamed = new LinkedHashMap<>();
    for (TableRename r : spec.tableRenames()) {
      boolean ok = true;
      if (before.table(r.from()).isEmpty()) {
        unknownTable(r.at(), "RenameTable", r.from(), before);
        ok = false;
      }
      if (after.table(r.to()).isEmpty()) {
        unknownTable(r.at(), "RenameTable", r.to(), after);
        ok = false;
      } else if (after.table(r.from()).isPresent() && !r.from().equalsIgnoreCase(r.to())) {
        stale(r.at(), "RenameTable", "table " + r.from(), "renamed");
        ok = false;
      }
      if (ok) {
        // Keyed by the old name as the old schema spells it, valued by the new spelling.
        renamed.put(SchemaVersion.lower(r.from()), after.table(r.to()).orElseThrow().name());
      }
    }
    return renamed;
  }

  private List<String> tableDeletes(Spec spec) {
    List<String> deleted = new ArrayList<>();
    for (TableDelete d : spec.tableDeletes()) {
      if (before.table(d.table()).isEmpty()) {
        unknownTable(d.at(), "DeleteTable", d.table(), before);
      } else if (after.table(d.table()).isPresent()) {
        stale(d.at(), "DeleteTable", "table " + d.table(), "deleted");
      } else {
        deleted.add(SchemaVersion.lower(d.table()));
      }
    }
    return deleted;
  }

  /** Column declarations name a table by its old or its new name. */
  private void checkColumnDeclarations(Spec spec, Map<String, Table> pairs) {
    for (ColumnRename r : spec.columnRenames()) {
      Table old = pairOf(r.table(), pairs);
      if (old == null) {
        unknownTable(r.at(), "RenameColumn", r.table(), before);
        continue;
      }
      Table now = after.table(newName(old, pairs)).orElseThrow();
      if (old.column(r.from()).isEmpty()) {
        unknownColumn(r.at(), "RenameColumn", old, r.from(), before.version());
      } else if (now.column(r.to()).isEmpty()) {
        unknownColumn(r.at(), "RenameColumn", now, r.to(), after.version());
      } else if (now.column(r.from()).isPresent() && !r.from().equalsIgnoreCase(r.to())) {
        stale(r.at(), "RenameColumn", "column " + now.name() + "." + r.from(), "renamed");
      }
    }
    for (ColumnDelete d : spec.columnDeletes()) {
      Table old = pairOf(d.table(), pairs);
      if (old == null) {
        unknownTable(d.at(), "DeleteColumn", d.table(), before);
        continue;
      }
      Table now = after.table(newName(old, pairs)).orElseThrow();
      if (old.column(d.column()).isEmpty()) {
        unknownColumn(d.at(), "DeleteColumn", old, d.column(), before.version());
      } else if (now.column(d.column()).isPresent()) {
        stale(d.at(), "DeleteColumn", "column " + now.name() + "." + d.column(), "deleted");
      }
    }
  }

  private static Table pairOf(String table, Map<String, Table> pairs) {
    Table byNew = pairs.get(SchemaVersion.lower(table));
    if (byNew != null) {
      return byNew;
    }
    return pairs.values().stream().filter(t -> t.name().equalsIgnoreCase(table)).findFirst()
        .orElse(null);
  }

  private static String newName(Table old, Map<String, Table> pairs) {
    return pairs.entrySet().stream().filter(e -> e.getValue() == old).findFirst().orElseThrow()
        .getKey();
  }

  private void unknownTable(
      Source at, String kind, String table, SchemaVersion v) {
    failed = true;
    report.add(at, Message.AUTO_MIGRATION_UNKNOWN_TABLE, kind, table, v.version(),
        String.join(", ", v.tableNames()));
  }

  private void unknownColumn(
      Source at, String kind, Table t, String column,
      int version) {
    failed = true;
    report.add(at, Message.AUTO_MIGRATION_UNKNOWN_COLUMN, kind, t.name(), column, version,
        String.join(", ", t.columnNames()));
  }

  private void stale(
      Source at, String kind, String what, String done) {
    failed = true;
    report.add(at, Message.AUTO_MIGRATION_STALE_DECLARATION, kind, what, after.version(), done);
  }

  private void error(Message message, Object... args) {
    failed = true;
    report.add(decl.at(), message, args);
  }

  private static boolean isEmpty(Spec spec) {
    return spec.tableRenames().isEmpty() && spec.tableDeletes().isEmpty()
        && spec.columnRenames().isEmpty() && spec.columnDeletes().isEmpty();
  }
}
