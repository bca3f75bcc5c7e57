package keystone.processor.migration;

import static keystone.processor.migration.SchemaVersion.lower;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.migration.AutoMigrationDeclaration.ColumnDelete;
import keystone.processor.migration.AutoMigrationDeclaration.ColumnRename;
import keystone.processor.migration.AutoMigrationDeclaration.Spec;
import keystone.processor.migration.SchemaVersion.Column;
import keystone.processor.migration.SchemaVersion.Index;
import keystone.processor.migration.SchemaVersion.Key;
import keystone.processor.migration.SchemaVersion.Table;

/**
 * What differs between the two versions of a kept table: its columns matched up (kept, renamed,
 * dropped, added), and its keys, CHECKs and indexes. Found once; each engine's steps are rendered
 * from it ({@link SqliteSteps}, {@link PostgresSteps}).
 *
 * @param columns the old columns in their order, each with its new self (null when dropped),
 *     then the added ones (with a null {@code before})
 */
record TableChange(Table old, Table now, List<ColumnChange> columns) {

  TableChange {
    columns = List.copyOf(columns);
  }

  /** One column across the two versions. */
  record ColumnChange(Column before, Column after, boolean renameDeclared) {
    boolean added() {
      return before == null;
    }

    boolean dropped() {
      return after == null;
    }

    boolean kept() {
      return before != null && after != null;
    }

    /** Kept, with a different definition as SQLite sees it (affinity, NOT NULL, ...). */
    boolean redefined() {
      return kept() && !before.definition().equals(after.definition());
    }
  }

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
    boolean ok = true;
    List<ColumnChange> columns = new ArrayList<>();
    Set<String> kept = new HashSet<>();
    for (Column c : old.columns()) {
      String renamedTo = renamedTo(newToOld, c.name());
      if (renamedTo != null) {
        columns.add(new ColumnChange(c, now.column(renamedTo).orElseThrow(), true));
        kept.add(renamedTo);
      } else if (deleted.contains(lower(c.name()))) {
        columns.add(new ColumnChange(c, null, false));
      } else if (now.column(c.name()).isEmpty()) {
        report.add(decl.at(), Message.AUTO_MIGRATION_COLUMN_GONE, decl.from(), decl.to(),
            now.name(), c.name());
        ok = false;
      } else {
        Column after = now.column(c.name()).orElseThrow();
        if (ValueTypeChange.needsRewrite(c, after)) {
          report.add(decl.at(), Message.AUTO_MIGRATION_VALUE_TYPE_CHANGE, decl.from(), decl.to(),
              now.name(), c.name(), c.type(), after.type(), c.postgresType(),
              after.postgresType());
          ok = false;
        }
        columns.add(new ColumnChange(c, after, false));
        kept.add(lower(c.name()));
      }
    }
    for (Column c : now.columns()) {
      if (!kept.contains(lower(c.name()))) {
        columns.add(new ColumnChange(null, c, false));
        if (c.notNull() && c.defaultValue() == null && !rowid(now, c)) {
          report.add(decl.at(), Message.AUTO_MIGRATION_NOT_NULL_NO_DEFAULT, decl.from(),
              decl.to(), now.name(), c.name());
          ok = false;
        }
      }
    }
    return ok ? new TableChange(old, now, columns) : null;
  }

  List<ColumnChange> added() {
    return columns.stream().filter(ColumnChange::added).toList();
  }

  /** The kept columns, in their old order, are not where the new version has them. */
  boolean reordered() {
    List<String> kept = columns.stream().filter(ColumnChange::kept)
        .map(c -> lower(c.after().name())).toList();
    List<String> order = now.columnNames().stream().map(SchemaVersion::lower).toList();
    return !order.subList(0, kept.size()).equals(kept);
  }

  boolean primaryKeyChanged() {
    return !lower(String.join(",", old.primaryKey())).equals(lower(String.join(",",
        now.primaryKey()))) || old.autoGenerate() != now.autoGenerate();
  }

  /** The table's own CHECKs (column CHECKs are part of each column's definition). */
  boolean checksChanged() {
    return !trimmed(old.checks()).equals(trimmed(now.checks()));
  }

  boolean keysChanged() {
    return !droppedKeys().isEmpty() || !addedKeys().isEmpty();
  }

  /** Old keys the new version does not declare exactly so (name, columns, parent, actions). */
  List<Key> droppedKeys() {
    return missing(old.foreignKeys(), now.foreignKeys(), Key::signature);
  }

  List<Key> addedKeys() {
    return missing(now.foreignKeys(), old.foreignKeys(), Key::signature);
  }

  List<Index> droppedIndexes() {
    return missing(old.indexes(), now.indexes(), Index::signature);
  }

  List<Index> addedIndexes() {
    return missing(now.indexes(), old.indexes(), Index::signature);
  }

  /** The items of {@code these} with no item of the same signature in {@code others}. */
  private static <T> List<T> missing(
      List<T> these, List<T> others, Function<T, String> signature) {
    Set<String> known = new HashSet<>();
    others.forEach(o -> known.add(signature.apply(o)));
    return these.stream().filter(t -> !known.contains(signature.apply(t))).toList();
  }

  /** The new name of an old column, or null when it is dropped or unknown. */
  String newName(String oldColumn) {
    return columns.stream()
        .filter(c -> c.kept() && c.before().name().equalsIgnoreCase(oldColumn))
        .map(c -> c.after().name()).findFirst().orElse(null);
  }

  static boolean rowid(Table t, Column c) {
    return t.autoGenerate() && t.primaryKey().size() == 1 && c.keyPosition() == 1;
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

  private static List<String> trimmed(List<String> checks) {
    return checks.stream().map(String::trim).toList();
  }
}
