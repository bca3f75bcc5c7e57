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
 * @param sqliteType {@code @Column(sqliteType)}: SQLite's declared type instead of the stored
 *     type's own, or null
 * @param nullableKey {@code @Column(nullableKey)}: a key column SQLite declares without NOT NULL
 * @param postgresType {@code @Column(postgresType)}: PostgreSQL's declared type, or null
 * @param postgresDefault {@code @Column(postgresDefault)}: PostgreSQL's default instead of
 *     {@code defaultValue}, or null
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
    Source source,
    String sqliteType,
    boolean nullableKey,
    String postgresType,
    String postgresDefault) {

  public Affinity affinity() {
    return stored().affinity();
  }

  /**
   * What the column holds; with {@code sqliteType}, SQLite's DDL spells it so (a collation the
   * stored type needs is kept) while the values, and so the affinity Keystone reasons with, stay.
   */
  public StoredType stored() {
    StoredType own = value.adapter().stored();
    if (sqliteType == null && postgresType == null) {
      return own;
    }
    int collate = own.sqlite().indexOf(" COLLATE ");
    String declared = sqliteType == null ? own.sqlite()
        : collate < 0 ? sqliteType : sqliteType + own.sqlite().substring(collate);
    return new StoredType(declared, own.affinity(),
        postgresType == null ? own.postgres() : postgresType, own.family());
  }
}
