package keystone.engine.spi;

import java.util.List;
import keystone.ForeignKey.Action;

/**
 * A foreign key of the compiled schema. SQLite keeps no constraint names, so the engine matches
 * these against {@code PRAGMA foreign_key_list} by columns to name the key that failed.
 *
 * @param keyTypes the Java types of the child columns, in key order, so that a failure can print
 *     the key as the Java values would (the parent's are stored alike: the processor checks that);
 *     empty when unknown. {@link Schema} fills it in from its tables, so generated code leaves it
 *     out.
 */
public record ForeignKeyInfo(
    String name,
    String childTable,
    List<String> childColumns,
    String parentTable,
    List<String> parentColumns,
    Action onDelete,
    Action onUpdate,
    boolean deferred,
    List<ValueType> keyTypes) {

  public ForeignKeyInfo {
    childColumns = List.copyOf(childColumns);
    parentColumns = List.copyOf(parentColumns);
    keyTypes = List.copyOf(keyTypes);
  }

  /** A key whose columns' Java types are not known (yet). */
  public ForeignKeyInfo(
      String name, String childTable, List<String> childColumns, String parentTable,
      List<String> parentColumns, Action onDelete, Action onUpdate, boolean deferred) {
    this(name, childTable, childColumns, parentTable, parentColumns, onDelete, onUpdate, deferred,
        List.of());
  }

  /** The same key with its columns' Java types. */
  public ForeignKeyInfo withKeyTypes(List<ValueType> types) {
    return new ForeignKeyInfo(name, childTable, childColumns, parentTable, parentColumns,
        onDelete, onUpdate, deferred, types);
  }

  /** {@code values} (of the key's columns, as SQLite returns them) as the Java values print. */
  public List<String> sqliteText(List<Object> values) {
    String[] text = new String[values.size()];
    for (int i = 0; i < text.length; i++) {
      text[i] = keyTypes.size() == text.length
          ? keyTypes.get(i).sqliteText(values.get(i)) : ValueType.storedText(values.get(i));
    }
    return List.of(text);
  }
}
