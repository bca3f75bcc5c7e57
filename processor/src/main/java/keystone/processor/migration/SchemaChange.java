package keystone.processor.migration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keystone.processor.migration.SchemaVersion.Table;

/**
 * Everything that differs between the two versions of one {@code @AutoMigration}, found once by
 * {@link MigrationPlanner}; {@link SqliteSteps} and {@link PostgresSteps} each render it.
 *
 * @param unchanged both versions have the same identity hash and the spec declares nothing
 * @param renamedTables old name -> new name, each as its version spells it
 * @param droppedTables in the old version's order (parents first)
 * @param addedTables in the new version's order (parents first)
 * @param keptTables the tables of both versions, in the new version's order
 * @param oldViews the old version's views, dropped first when either version has views
 * @param newViews the new version's views, created last
 */
record SchemaChange(
    int from,
    int to,
    String identityHash,
    boolean unchanged,
    Map<String, String> renamedTables,
    List<Table> droppedTables,
    List<Table> addedTables,
    List<TableChange> keptTables,
    List<SchemaVersion.View> oldViews,
    List<SchemaVersion.View> newViews) {

  SchemaChange {
    renamedTables = Collections.unmodifiableMap(new LinkedHashMap<>(renamedTables));
    droppedTables = List.copyOf(droppedTables);
    addedTables = List.copyOf(addedTables);
    keptTables = List.copyOf(keptTables);
    oldViews = List.copyOf(oldViews);
    newViews = List.copyOf(newViews);
  }

  /** The comment of a migration that changes nothing. */
  String unchangedNote() {
    return "the schema is unchanged (identity hash " + identityHash + ")";
  }

  /** The kept table called {@code table} in the new version, or null. */
  TableChange kept(String table) {
    return keptTables.stream().filter(t -> t.now().name().equalsIgnoreCase(table)).findFirst()
        .orElse(null);
  }

  /** The table called {@code table} in the new version, kept or added, or null. */
  Table newTable(String table) {
    TableChange kept = kept(table);
    if (kept != null) {
      return kept.now();
    }
    return addedTables.stream().filter(t -> t.name().equalsIgnoreCase(table)).findFirst()
        .orElse(null);
  }

  /** The kept table that was called {@code table} in the old version, or null. */
  TableChange keptByOldName(String table) {
    return keptTables.stream().filter(t -> t.old().name().equalsIgnoreCase(table)).findFirst()
        .orElse(null);
  }
}
