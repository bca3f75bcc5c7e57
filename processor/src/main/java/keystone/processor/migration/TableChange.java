package keystone.processor.migration;

import static keystone.processor.migration.SchemaVersion.lower;
import static keystone.processor.sql.SqlNames.quote;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.migration.AutoMigrationDeclaration.ColumnDelete;
import keystone.processor.migration.AutoMigrationDeclaration.ColumnRename;
import keystone.processor.migration.AutoMigrationDeclaration.Spec;
import keystone.processor.migration.PlannedMigration.Step;
import keystone.processor.migration.SchemaVersion.Column;
import keystone.processor.migration.SchemaVersion.Index;
import keystone.processor.migration.SchemaVersion.Table;

/**
 * The steps that turn one kept table into its new version: in place (ADD COLUMN, index changes)
 * when SQLite's ALTER TABLE can do it, else one rebuild. ALTER TABLE cannot add or change a key,
 * a foreign key, a CHECK, a type, a nullability or a default
 * (https://www.sqlite.org/lang_altertable.html#otheralter).
 */
record TableChange(List<Step> steps, List<String> changes) {

  /** The change, or null when a problem was reported. */
  static TableChange of(
      Table old, Table now, Spec spec, AutoMigrationDeclaration decl, Report report) {
    Map<String, String> newToOld = new LinkedHashMap<>();
    Set<String> deleted = new HashSet<>();
    for (ColumnRename r : spec.columnRenames()) {
      // Declarations that do not match were reported by the planner and are left out here.
      if (names(old, now, r.table()) && old.column(r.from()).isPresent()
          && now.column(r.to()).isPresent()) {
        newToOld.put(lower(r.to()), old.column(r.from()).map(Column::name).orElse(r.from()));
      }
    }
    for (ColumnDelete d : spec.columnDeletes()) {
      if (names(old, now, d.table())) {
        deleted.add(lower(d.column()));
      }
    }
    List<String> why = new ArrayList<>();
    boolean ok = true;
    Map<String, String> sources = new LinkedHashMap<>();
    List<String> kept = new ArrayList<>();
    for (Column c : old.columns()) {
      String renamedTo = renamedTo(newToOld, c.name());
      if (renamedTo != null) {
        Column to = now.column(renamedTo).orElseThrow();
        sources.put(to.name(), quote(c.name()));
        why.add("renames column " + c.name() + " to " + to.name());
        kept.add(lower(to.name()));
        if (!c.definition().equals(to.definition())) {
          why.add("changes column " + to.name());
        }
      } else if (deleted.contains(lower(c.name()))) {
        why.add("drops column " + c.name());
      } else if (now.column(c.name()).isEmpty()) {
        report.add(decl.at(), Message.AUTO_MIGRATION_COLUMN_GONE, decl.from(), decl.to(),
            now.name(), c.name());
        ok = false;
      } else {
        kept.add(lower(c.name()));
        if (!c.definition().equals(now.column(c.name()).orElseThrow().definition())) {
          why.add("changes column " + c.name());
        }
      }
    }
    List<Column> added = new ArrayList<>();
    for (Column c : now.columns()) {
      if (!kept.contains(lower(c.name()))) {
        added.add(c);
        if (c.notNull() && c.defaultValue() == null && !rowid(now, c)) {
          report.add(decl.at(), Message.AUTO_MIGRATION_NOT_NULL_NO_DEFAULT, decl.from(),
              decl.to(), now.name(), c.name());
          ok = false;
        }
      }
    }
    if (!ok) {
      return null;
    }
    compareConstraints(old, now, why);
    List<String> order = now.columnNames().stream().map(SchemaVersion::lower).toList();
    if (!order.subList(0, kept.size()).equals(kept)) {
      why.add("reorders its columns");
    }
    List<String> addedWhy = new ArrayList<>();
    for (Column c : added) {
      String blocker = cannotAdd(now, c);
      addedWhy.add("adds column " + c.name() + (blocker == null ? "" : " (" + blocker + ")"));
      if (blocker != null) {
        why.add(addedWhy.get(addedWhy.size() - 1));
      }
    }
    if (why.isEmpty()) {
      return inPlace(old, now, added);
    }
    addedWhy.stream().filter(a -> !why.contains(a)).forEach(why::add);
    return rebuild(old, now, sources, why);
  }

  private static void compareConstraints(Table old, Table now, List<String> why) {
    if (!lower(String.join(",", old.primaryKey())).equals(lower(String.join(",", now.primaryKey())))
        || old.autoGenerate() != now.autoGenerate()) {
      why.add("changes its primary key");
    }
    if (!trimmed(old.checks()).equals(trimmed(now.checks()))) {
      why.add("changes its CHECKs");
    }
    Set<String> oldKeys = new HashSet<>();
    old.foreignKeys().forEach(k -> oldKeys.add(k.signature()));
    Set<String> newKeys = new HashSet<>();
    now.foreignKeys().forEach(k -> newKeys.add(k.signature()));
    if (!oldKeys.equals(newKeys)) {
      why.add("changes its foreign keys");
    }
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

  private static TableChange inPlace(Table old, Table now, List<Column> added) {
    List<Step> steps = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    for (Column c : added) {
      steps.add(new PlannedMigration.Sql(
          "ALTER TABLE " + quote(now.name()) + " ADD COLUMN " + TableDdl.column(c, false)));
      changes.add("adds column " + now.name() + "." + c.name());
    }
    Set<String> oldIndexes = new HashSet<>();
    old.indexes().forEach(i -> oldIndexes.add(i.signature()));
    Set<String> newIndexes = new HashSet<>();
    now.indexes().forEach(i -> newIndexes.add(i.signature()));
    for (Index i : old.indexes()) {
      if (!newIndexes.contains(i.signature())) {
        steps.add(new PlannedMigration.Sql("DROP INDEX " + quote(i.name())));
        changes.add("drops index " + i.name());
      }
    }
    for (Index i : now.indexes()) {
      if (!oldIndexes.contains(i.signature())) {
        steps.add(new PlannedMigration.Sql(TableDdl.createIndex(now, i)));
        changes.add("creates index " + i.name());
      }
    }
    return new TableChange(steps, changes);
  }

  /**
   * The old indexes are dropped first: the rebuild recreates the table's indexes as they are in
   * the file when it is given none, and an old index may name a column that no longer exists.
   */
  private static TableChange rebuild(
      Table old, Table now, Map<String, String> sources, List<String> why) {
    List<Step> steps = new ArrayList<>();
    for (Index i : old.indexes()) {
      steps.add(new PlannedMigration.Sql("DROP INDEX " + quote(i.name())));
    }
    steps.add(new PlannedMigration.Rebuild(now.name(), TableDdl.createTable(now), sources,
        TableDdl.createIndexes(now)));
    return new TableChange(steps,
        List.of("rebuilds " + now.name() + " (" + String.join(", ", why) + ")"));
  }

  private static boolean names(Table old, Table now, String table) {
    return old.name().equalsIgnoreCase(table) || now.name().equalsIgnoreCase(table);
  }

  private static String renamedTo(Map<String, String> newToOld, String oldName) {
    for (Map.Entry<String, String> e : newToOld.entrySet()) {
      if (e.getValue().equalsIgnoreCase(oldName)) {
        return e.getKey();
      }
    }
    return null;
  }

  private static boolean rowid(Table t, Column c) {
    return t.autoGenerate() && t.primaryKey().size() == 1 && c.keyPosition() == 1;
  }

  private static List<String> trimmed(List<String> checks) {
    return checks.stream().map(String::trim).toList();
  }
}
