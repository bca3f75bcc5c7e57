package keystone.engine.spi;

import java.util.List;
import keystone.ForeignKey.Action;

/**
 * A foreign key of the compiled schema. SQLite keeps no constraint names, so the engine matches
 * these against {@code PRAGMA foreign_key_list} by columns to name the key that failed.
 */
public record ForeignKeyInfo(
    String name,
    String childTable,
    List<String> childColumns,
    String parentTable,
    List<String> parentColumns,
    Action onDelete,
    Action onUpdate,
    boolean deferred) {

  public ForeignKeyInfo {
    childColumns = List.copyOf(childColumns);
    parentColumns = List.copyOf(parentColumns);
  }
}
