package keystone.processor.migration;

import java.util.Set;

/**
 * The {@code USING} expression of {@code ALTER COLUMN ... TYPE}: how PostgreSQL turns the old
 * values into the new type (https://www.postgresql.org/docs/14/sql-altertable.html, SET DATA
 * TYPE). A plain cast where PostgreSQL has one; booleans go through SQLite's meaning (0 is false,
 * anything else true), which PostgreSQL has no bigint cast for.
 */
final class PostgresCasts {
  private static final Set<String> NUMBERS =
      Set.of("INTEGER", "BIGINT", "REAL", "DOUBLE PRECISION");

  private PostgresCasts() {}

  /** @param column the column, quoted as DDL needs it */
  static String using(String column, String from, String to) {
    if (to.equals("BOOLEAN") && NUMBERS.contains(from)) {
      return column + " <> 0";
    }
    if (from.equals("BOOLEAN") && NUMBERS.contains(to)) {
      // boolean casts to integer only; integer widens to the rest by assignment.
      return column + "::INTEGER";
    }
    if (from.equals("BYTEA") && to.equals("TEXT")) {
      return "convert_from(" + column + ", 'UTF8')";
    }
    if (from.equals("TEXT") && to.equals("BYTEA")) {
      return "convert_to(" + column + ", 'UTF8')";
    }
    return column + "::" + to;
  }
}
