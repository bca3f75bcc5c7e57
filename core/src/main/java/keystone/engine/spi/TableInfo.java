package keystone.engine.spi;

import java.util.List;

/**
 * A table of the compiled schema.
 *
 * @param name table name
 * @param columns column names in declaration order
 * @param primaryKey primary-key column names in key order
 * @param entity the binary name of the entity class mapped to it, or null
 */
public record TableInfo(String name, List<String> columns, List<String> primaryKey, String entity) {
  public TableInfo {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
  }

  /** A table known by name only, with no entity class to look it up by. */
  public TableInfo(String name, List<String> columns, List<String> primaryKey) {
    this(name, columns, primaryKey, null);
  }
}
