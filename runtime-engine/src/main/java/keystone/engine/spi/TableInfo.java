package keystone.engine.spi;

import java.util.List;

/**
 * A table of the compiled schema.
 *
 * @param name table name
 * @param columns column names in declaration order
 * @param primaryKey primary-key column names in key order
 */
public record TableInfo(String name, List<String> columns, List<String> primaryKey) {
  public TableInfo {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
  }
}
