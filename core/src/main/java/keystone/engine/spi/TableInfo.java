package keystone.engine.spi;

import java.util.List;

/**
 * A table of the compiled schema.
 *
 * @param name table name
 * @param columns column names in declaration order
 * @param primaryKey primary-key column names in key order
 * @param entity the binary name of the entity class mapped to it, or null
 * @param types each column's Java type, in {@code columns} order; empty when unknown (code
 *     generated before Keystone recorded them, a view), and then keys print as stored
 */
public record TableInfo(
    String name, List<String> columns, List<String> primaryKey, String entity,
    List<ValueType> types) {
  public TableInfo {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    types = List.copyOf(types);
    if (!types.isEmpty() && types.size() != columns.size()) {
      throw new IllegalArgumentException(
          name + " has " + columns.size() + " columns and " + types.size() + " types");
    }
  }

  /** A table whose column types are not known (generated before Keystone recorded them). */
  public TableInfo(String name, List<String> columns, List<String> primaryKey, String entity) {
    this(name, columns, primaryKey, entity, List.of());
  }

  /** A table known by name only, with no entity class to look it up by. */
  public TableInfo(String name, List<String> columns, List<String> primaryKey) {
    this(name, columns, primaryKey, null);
  }

  /** The Java types of {@code names}, or an empty list when one of them is not known. */
  public List<ValueType> typesOf(List<String> names) {
    if (types.isEmpty()) {
      return List.of();
    }
    ValueType[] found = new ValueType[names.size()];
    for (int i = 0; i < found.length; i++) {
      int at = indexOf(names.get(i));
      if (at < 0) {
        return List.of();
      }
      found[i] = types.get(at);
    }
    return List.of(found);
  }

  private int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(column)) {
        return i;
      }
    }
    return -1;
  }
}
