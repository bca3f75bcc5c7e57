package keystone.processor.migration;

import java.util.List;
import keystone.processor.diagnostics.Source;

/**
 * One {@code @AutoMigration} as written, with the renames and deletions its spec class declares.
 *
 * @param at the {@code @AutoMigration} inside {@code @Database(autoMigrations = ...)}
 */
record AutoMigrationDeclaration(int from, int to, Source at, Spec spec) {

  /** The declarations of the spec class; empty lists without one. */
  record Spec(
      List<TableRename> tableRenames,
      List<TableDelete> tableDeletes,
      List<ColumnRename> columnRenames,
      List<ColumnDelete> columnDeletes) {
    Spec {
      tableRenames = List.copyOf(tableRenames);
      tableDeletes = List.copyOf(tableDeletes);
      columnRenames = List.copyOf(columnRenames);
      columnDeletes = List.copyOf(columnDeletes);
    }

    static Spec none() {
      return new Spec(List.of(), List.of(), List.of(), List.of());
    }
  }

  record TableRename(String from, String to, Source at) {}

  record TableDelete(String table, Source at) {}

  /** {@code table} may name the table before or after a rename of the same migration. */
  record ColumnRename(String table, String from, String to, Source at) {}

  record ColumnDelete(String table, String column, Source at) {}
}
