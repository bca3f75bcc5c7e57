package keystone.processor.types;

import java.util.Set;
import keystone.processor.model.Affinity;

/**
 * What a column holds on each engine, whatever Java type the entity declares for it.
 *
 * @param sqlite the type as SQLite's DDL declares it, with its collation when it has one
 * @param affinity SQLite's affinity for {@code sqlite} (https://www.sqlite.org/datatype3.html)
 * @param postgres PostgreSQL's type in DDL
 * @param family the values a foreign key may join: two columns whose families differ cannot
 *     reference each other on every engine (an {@code int} and a {@code long} can; a
 *     {@code UUID} and a {@code String} cannot, since PostgreSQL has no {@code uuid = text})
 */
public record StoredType(String sqlite, Affinity affinity, String postgres, String family) {
  private static final Set<String> VALUE_FAMILIES =
      Set.of("TIMESTAMPTZ", "DATE", "TIMESTAMP", "TIME", "INTERVAL", "UUID", "NUMERIC");

  /**
   * Decimal text in SQLite, compared as numbers by the {@code decimal} collation that every
   * Keystone connection registers (keystone.engine.sqlite.DecimalCollation).
   */
  static StoredType decimal() {
    return new StoredType("TEXT COLLATE decimal", Affinity.TEXT, "NUMERIC", "NUMERIC");
  }

  /**
   * The type a reader of the schema should see: the affinity for SQL's basic values, the
   * native type (TIMESTAMPTZ, UUID, NUMERIC...) for a value type, whose affinity says little.
   */
  public String described() {
    return VALUE_FAMILIES.contains(family) ? family : affinity.name();
  }

  static StoredType of(Affinity affinity, String postgres, String family) {
    return new StoredType(affinity.name(), affinity, postgres, family);
  }
}
