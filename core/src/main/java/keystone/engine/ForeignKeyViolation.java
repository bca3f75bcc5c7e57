package keystone.engine;

import java.util.List;

/**
 * One violated foreign key: which constraint, which rows' key, and which way it broke.
 *
 * @param constraint the constraint name ({@code fk_orders_user_id})
 * @param childTable the referencing table
 * @param childColumns the referencing columns
 * @param parentTable the referenced table
 * @param parentColumns the referenced columns
 * @param key the key's values, in column order (Long, Double, String, byte[])
 * @param kind whether a child lacks its parent or a removed parent is still referenced
 */
public record ForeignKeyViolation(
    String constraint,
    String childTable,
    List<String> childColumns,
    String parentTable,
    List<String> parentColumns,
    List<Object> key,
    Kind kind) {

  public ForeignKeyViolation {
    childColumns = List.copyOf(childColumns);
    parentColumns = List.copyOf(parentColumns);
    key = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(key));
  }

  /** Which side of the key broke. */
  public enum Kind {
    /** A child row's key is not present in the parent table. */
    MISSING_PARENT,
    /** A parent row was deleted or its key changed while child rows still reference it. */
    STILL_REFERENCED
  }

  /** PostgreSQL-style description, without the {@code FOREIGN KEY constraint failed: } prefix. */
  @Override
  public String toString() {
    return ForeignKeyMessages.describe(this);
  }
}
