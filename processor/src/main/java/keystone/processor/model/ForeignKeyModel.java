package keystone.processor.model;

import java.util.List;
import keystone.ForeignKey.Action;
import keystone.processor.diagnostics.Source;

/**
 * A foreign key as declared, with the parent resolved as far as the parent's own declaration
 * allows. {@code parentTable} is null when the parent is not an entity.
 *
 * @param parentColumns declared parent columns, or the parent's primary key when none were given
 * @param parentColumnsDefaulted whether {@code parentColumns} came from the parent's primary key
 * @param single declared by {@code @ForeignKey} on a field rather than {@code @CompositeForeignKey}
 */
public record ForeignKeyModel(
    String name,
    List<String> childColumns,
    String parentEntity,
    String parentTable,
    List<String> parentColumns,
    boolean parentColumnsDefaulted,
    Action onDelete,
    Action onUpdate,
    boolean deferred,
    boolean index,
    boolean single,
    Source source) {

  public ForeignKeyModel {
    childColumns = List.copyOf(childColumns);
    parentColumns = List.copyOf(parentColumns);
  }
}
