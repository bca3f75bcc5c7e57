package keystone.tests;

import java.util.Arrays;
import java.util.List;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.KeystoneDatabase;

/** Reads tables back through {@code db.query}, independent of the generated DAOs. */
public final class Db {
  private Db() {}

  /** Every row of {@code sql} as a list (nulls allowed), comparable with {@code asList(...)}. */
  public static List<List<Object>> rows(KeystoneDatabase db, String sql, Object... args) {
    return db.query(sql, args).stream().map(Arrays::asList).toList();
  }

  /** One row, built for comparison with {@link #rows}. */
  public static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /** The number of rows in {@code table}. */
  public static long count(KeystoneDatabase db, String table) {
    return (Long) db.query("SELECT COUNT(*) FROM " + table).get(0)[0];
  }

  /** A child row whose key has no parent. */
  public static ForeignKeyViolation missingParent(
      String constraint,
      String childTable,
      List<String> childColumns,
      String parentTable,
      List<String> parentColumns,
      Object... key) {
    return new ForeignKeyViolation(
        constraint,
        childTable,
        childColumns,
        parentTable,
        parentColumns,
        Arrays.asList(key),
        ForeignKeyViolation.Kind.MISSING_PARENT);
  }

  /** A parent key that was removed or changed while children still reference it. */
  public static ForeignKeyViolation stillReferenced(
      String constraint,
      String childTable,
      List<String> childColumns,
      String parentTable,
      List<String> parentColumns,
      Object... key) {
    return new ForeignKeyViolation(
        constraint,
        childTable,
        childColumns,
        parentTable,
        parentColumns,
        Arrays.asList(key),
        ForeignKeyViolation.Kind.STILL_REFERENCED);
  }
}
