package keystone.processor.migration;

import java.util.Set;
import keystone.processor.migration.SchemaVersion.Column;

/**
 * Whether a kept column's change of Java type changes what its stored values mean. A column that
 * becomes or stops being one of the value types (time, UUID, decimal) holds another form on
 * SQLite (microseconds, fixed-width text) and another type on PostgreSQL, and a copy or a cast
 * cannot know the old values' unit: an {@code long} of epoch milliseconds copied into an
 * {@code Instant} column would read as a date in 1970.
 */
final class ValueTypeChange {
  private static final Set<String> VALUE_TYPES =
      Set.of("TIMESTAMPTZ", "DATE", "TIMESTAMP", "TIME", "INTERVAL", "UUID", "NUMERIC");

  private ValueTypeChange() {}

  static boolean needsRewrite(Column before, Column after) {
    String old = before.postgresType();
    String now = after.postgresType();
    if (old == null || now == null || old.equalsIgnoreCase(now)) {
      return false;
    }
    return VALUE_TYPES.contains(old.toUpperCase(java.util.Locale.ROOT))
        || VALUE_TYPES.contains(now.toUpperCase(java.util.Locale.ROOT));
  }
}
