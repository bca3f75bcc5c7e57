package keystone.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One violated foreign key: which constraint, which rows' key, and which way it broke.
 *
 * <p>{@link #key()} holds the values as the database returned them; {@link #keyText()} holds the
 * same values as the Java values print, which is what the message shows. Equality and the hash
 * leave {@code keyText} out: it is derived from {@code key}, so two violations of one key are
 * equal however each was printed.
 *
 * @param constraint the constraint name ({@code fk_orders_user_id})
 * @param childTable the referencing table
 * @param childColumns the referencing columns
 * @param parentTable the referenced table
 * @param parentColumns the referenced columns
 * @param key the key's values, in column order, as the database returned them: on SQLite the
 *     stored form (Long, Double, String, byte[]: an {@code Instant} is a Long of microseconds)
 * @param kind whether a child lacks its parent or a removed parent is still referenced
 * @param keyText the key's values as the columns' Java values print them, in column order: an
 *     {@code Instant} as {@code 2024-05-01T10:15:30Z}, a {@code LocalDate} as {@code 2024-05-01},
 *     a {@code Duration} as {@code PT1H}, an {@code OffsetDateTime} at UTC, a {@code UUID} in
 *     canonical form, a {@code BigDecimal} in plain notation with its scale. A column with a
 *     {@code @TypeConverter} shows its converter's column side; a key whose columns' types are
 *     not known (raw DDL, code generated before Keystone recorded them) shows the stored values.
 *     Null, or a list of another length than {@code key}, means the same
 */
public record ForeignKeyViolation(
    String constraint,
    String childTable,
    List<String> childColumns,
    String parentTable,
    List<String> parentColumns,
    List<Object> key,
    Kind kind,
    List<String> keyText) {

  public ForeignKeyViolation {
    childColumns = List.copyOf(childColumns);
    parentColumns = List.copyOf(parentColumns);
    key = Collections.unmodifiableList(new ArrayList<>(key));
    keyText = keyText == null || keyText.size() != key.size()
        ? ForeignKeyMessages.storedText(key) : List.copyOf(keyText);
  }

  /** A violation whose key prints as stored (the columns' Java types are not known). */
  public ForeignKeyViolation(
      String constraint,
      String childTable,
      List<String> childColumns,
      String parentTable,
      List<String> parentColumns,
      List<Object> key,
      Kind kind) {
    this(constraint, childTable, childColumns, parentTable, parentColumns, key, kind, null);
  }

  /** Which side of the key broke. */
  public enum Kind {
    /** A child row's key is not present in the parent table. */
    MISSING_PARENT,
    /** A parent row was deleted or its key changed while child rows still reference it. */
    STILL_REFERENCED
  }

  /** The same violation, broken the other way (diagnosis learns the side after the key). */
  public ForeignKeyViolation withKind(Kind other) {
    return new ForeignKeyViolation(
        constraint, childTable, childColumns, parentTable, parentColumns, key, other, keyText);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ForeignKeyViolation v
        && Objects.equals(constraint, v.constraint)
        && Objects.equals(childTable, v.childTable)
        && childColumns.equals(v.childColumns)
        && Objects.equals(parentTable, v.parentTable)
        && parentColumns.equals(v.parentColumns)
        && key.equals(v.key)
        && kind == v.kind;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        constraint, childTable, childColumns, parentTable, parentColumns, key, kind);
  }

  /** PostgreSQL-style description, without the {@code FOREIGN KEY constraint failed: } prefix. */
  @Override
  public String toString() {
    return ForeignKeyMessages.describe(this);
  }
}
