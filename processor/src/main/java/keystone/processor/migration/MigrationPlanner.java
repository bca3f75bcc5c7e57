package keystone.processor.migration;

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
import keystone.processor.migration.SchemaVersion.Table;

/**
 * Compares two versions, checking the spec's declarations against both, and says what changes:
 * tables renamed, dropped and added, and each kept table's {@link TableChange}. Every problem is
 * reported; a migration with problems is not planned. How each engine makes the change is for
 * {@link SqliteSteps} and {@link PostgresSteps}.
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

  /** The change, or null when the report got errors. */
  static SchemaChange plan(
      AutoMigrationDeclaration decl, SchemaVersion before, SchemaVersion after, Report report) {
    return new MigrationPlanner(decl, before, after, report).plan();
  }

  private SchemaChange plan() {
    Spec spec = decl.spec();
    boolean unchanged =
        Objects.equals(before.identityHash(), after.identityHash()) && isEmpty(spec);
    Map<String, String> renamed = tableRenames(spec);
    List<String> deleted = tableDeletes(spec);
    Map<String, String> renamedTables = new LinkedHashMap<>();
    renamed.forEach((lowerFrom, to) ->
        renamedTables.put(before.table(lowerFrom).orElseThrow().name(), to));
    List<Table> dropped = new ArrayList<>();
    Map<String, Table> pairs = new LinkedHashMap<>();
    for (Table old : before.tables()) {
      String name = renamed.getOrDefault(SchemaVersion.lower(old.name()), old.name());
      if (deleted.contains(SchemaVersion.lower(old.name()))) {
        dropped.add(old);
      } else if (after.table(name).isEmpty()) {
        error(Message.AUTO_MIGRATION_TABLE_GONE, decl.from(), decl.to(), old.name());
      } else {
        pairs.put(SchemaVersion.lower(name), old);
      }
    }
    List<Table> added = new ArrayList<>();
    for (Table t : after.tables()) {
      if (!pairs.containsKey(SchemaVersion.lower(t.name()))) {
        added.add(t);
      }
    }
    checkColumnDeclarations(spec, pairs);
    List<TableChange> kept = new ArrayList<>();
    for (Table t : after.tables()) {
      Table old = pairs.get(SchemaVersion.lower(t.name()));
      if (old != null) {
        TableChange change = TableChange.of(old, t, spec, decl, report);
        failed |= change == null;
        if (change != null) {
          kept.add(change);
        }
      }
    }
    return failed ? null : new SchemaChange(decl.from(), decl.to(), after.identityHash(),
        unchanged, renamedTables, dropped, added, kept, before.views(), after.views());
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
