package keystone.engine.schema;

import java.util.List;
import java.util.Map;

/**
 * A table as SQLite describes it through its pragmas: what must match for the compiled DAOs to
 * be right about a file, independent of how the DDL was spelt.
 */
public record TableShape(
    String name,
    List<ColumnShape> columns,
    List<ForeignKeyShape> foreignKeys,
    Map<String, IndexShape> indexes) {

  /** A column: declared type, NOT NULL, default as written, position in the primary key (0: none). */
  public record ColumnShape(
      String name, String type, boolean notNull, String defaultValue, int keyPosition) {}

  /** A foreign key: child columns, parent table and columns, and both actions. */
  public record ForeignKeyShape(
      List<String> columns,
      String parent,
      List<String> parentColumns,
      String onDelete,
      String onUpdate) {}

  /** An index: columns in order and uniqueness; keyed by name, or by columns for automatic ones. */
  public record IndexShape(String name, List<String> columns, boolean unique) {}
}
