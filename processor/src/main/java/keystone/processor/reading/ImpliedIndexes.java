package keystone.processor.reading;

import java.util.List;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.ForeignKeyModel;
import keystone.processor.model.IndexModel;

/**
 * The index each foreign key gets on its child columns, unless one already leads with them:
 * without it every parent delete scans the child table
 * (https://www.sqlite.org/foreignkeys.html#fk_indexes).
 */
public final class ImpliedIndexes {
  private ImpliedIndexes() {}

  static void add(
      String table,
      List<String> primaryKey,
      List<ColumnModel> columns,
      List<ForeignKeyModel> keys,
      List<IndexModel> indexes) {
    for (ForeignKeyModel fk : keys) {
      if (!fk.index() || covered(fk.childColumns(), primaryKey, columns, indexes)) {
        continue;
      }
      String name = "idx_" + table + "_" + String.join("_", fk.childColumns());
      indexes.add(new IndexModel(name, fk.childColumns(), false, true, fk.source()));
    }
  }

  /** Whether the primary key, a UNIQUE column or an index starts with exactly {@code cols}. */
  public static boolean covered(
      List<String> cols, List<String> primaryKey, List<ColumnModel> columns,
      List<IndexModel> indexes) {
    if (startsWith(primaryKey, cols)) {
      return true;
    }
    for (ColumnModel c : columns) {
      if (c.unique() && startsWith(List.of(c.name()), cols)) {
        return true;
      }
    }
    return indexes.stream().anyMatch(i -> startsWith(i.columns(), cols));
  }

  private static boolean startsWith(List<String> full, List<String> prefix) {
    if (prefix.isEmpty() || full.size() < prefix.size()) {
      return false;
    }
    for (int i = 0; i < prefix.size(); i++) {
      if (!full.get(i).equalsIgnoreCase(prefix.get(i))) {
        return false;
      }
    }
    return true;
  }
}
