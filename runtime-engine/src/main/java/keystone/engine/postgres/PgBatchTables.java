package keystone.engine.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which tables a batch may reach as one INSERT of many rows ({@link PgMultiRowInsert}), asked
 * of the catalog once per table and again after DDL run through the engine. A table keeps a
 * statement per row when one statement of many rows would not end as the rows one by one do:
 * <ul>
 *   <li>a trigger of the user's: a statement-level one would fire once instead of once a row,
 *       and a row-level AFTER trigger at the end of all the rows instead of after each;
 *   <li>a rule: its action joins the statement's rows, so an UPDATE action changes a row once a
 *       statement, not once a row;
 *   <li>a foreign key to itself: an immediate key is checked when the statement ends, so in one
 *       statement a child ahead of its parent would pass where row by row it fails.
 * </ul>
 * A partition's triggers and keys count for the partitioned table; a table the catalog does not
 * find keeps a statement per row too. A trigger added by another
 * client while the database is open is not seen until it is opened again (docs/postgresql.md).
 */
final class PgBatchTables {
  private static final String ASK = "WITH tree AS (SELECT r AS relid FROM to_regclass(?) AS r WHERE r IS NOT NULL"
      + " UNION SELECT relid FROM pg_partition_tree(to_regclass(?)))"
      + " SELECT EXISTS (SELECT 1 FROM tree)"
      + " AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid IN (SELECT relid FROM tree)"
      + " AND NOT t.tgisinternal)"
      + " AND NOT EXISTS (SELECT 1 FROM pg_rewrite r WHERE r.ev_class IN (SELECT relid FROM tree))"
      + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.contype = 'f'"
      + " AND c.conrelid IN (SELECT relid FROM tree) AND c.confrelid IN (SELECT relid FROM tree))";

  private final Map<String, Boolean> allowed = new ConcurrentHashMap<>();

  /**
   * Whether {@code table} takes a batch as one statement; asked on {@code connection}, in the
   * caller's transaction (a catalog read). A failure, such as the connection lost, is the
   * caller's and leaves nothing remembered.
   */
  boolean allowsMultiRowInsert(String table, Connection connection) throws SQLException {
    String key = table.toLowerCase(Locale.ROOT);
    Boolean known = allowed.get(key);
    if (known == null) {
      known = ask(table, connection);
      allowed.put(key, known);
    }
    return known;
  }

  private static boolean ask(String table, Connection connection) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(ASK)) {
      st.setString(1, PgSql.quote(table));
      st.setString(2, PgSql.quote(table));
      try (ResultSet rows = st.executeQuery()) {
        return rows.next() && rows.getBoolean(1);
      }
    }
  }

  /** DDL ran: tables are asked about again. */
  void forget() {
    allowed.clear();
  }
}
