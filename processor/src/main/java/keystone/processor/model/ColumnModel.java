package keystone.processor.model;

import keystone.processor.diagnostics.Source;
import keystone.processor.types.StoredType;

/**
 * One persisted property.
 *
 * @param name column name
 * @param property Java property name (field or record component)
 * @param value Java type and column type
 * @param nullable false for primitives, {@code @NotNull}/{@code @NonNull} and key columns
 * @param defaultValue SQL literal, or null
 * @param unique single-column UNIQUE constraint
 * @param check column CHECK expression, or null
 * @param getter how to read the value from an instance
 * @param setter how to set it on an instance (unused for records)
 */
public record ColumnModel(
    String name,
    String property,
    JavaValue value,
    boolean nullable,
    String defaultValue,
    boolean unique,
    String check,
    Access getter,
    Access setter,
    Source source) {

  public Affinity affinity() {
    return stored().affinity();
  }

  public StoredType stored() {
    return value.adapter().stored();
  }
}
