package keystone.engine.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keystone.engine.KeystoneException;

/**
 * SQLite's {@code INSERT OR REPLACE} (Room's {@code OnConflict.REPLACE}) on PostgreSQL, which has
 * no such statement: one statement that deletes every row the new one collides with on any unique
 * key, primary key included, and then inserts it. The delete is a real one, so ON DELETE actions
 * run as on SQLite: CASCADE children vanish, RESTRICT refuses, and a NO ACTION child of a row
 * replaced under the same key stays valid. PostgreSQL's unique check ignores rows the statement
 * itself deleted, so the insert cannot collide with them.
 */
final class PgReplace {
  /** A table's column types (as {@code format_type} spells them) and its unique keys. */
  record Table(Map<String, String> types, List<List<String>> uniqueKeys) {}

  private PgReplace() {}

  /** Every table of the current schema by lower-case name, read from the catalog once the schema is in place. */
  static Map<String, Table> read(Connection c) throws SQLException {
    Map<String, Map<String, String>> types = new HashMap<>();
    try (PreparedStatement st =
            c.prepareStatement(
                "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                    + " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'"
                    + " AND a.attnum > 0 AND NOT a.attisdropped");
        ResultSet rows = st.executeQuery()) {
      while (rows.next()) {
        types.computeIfAbsent(rows.getString(1).toLowerCase(Locale.ROOT), t -> new HashMap<>())
            .put(rows.getString(2), rows.getString(3));
      }
    }
    Map<String, Map<Long, List<String>>> keys = new HashMap<>();
    // Unique indexes cover UNIQUE constraints and the primary key; partial and expression
    // indexes are left out, as a plain column comparison cannot match them.
    try (PreparedStatement st =
            c.prepareStatement(
                "SELECT c.relname, i.indexrelid::bigint, a.attname FROM pg_index i"
                    + " JOIN pg_class c ON c.oid = i.indrelid"
                    + " CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)"
                    + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                    + " WHERE c.relnamespace = current_schema()::regnamespace AND i.indisunique"
                    + " AND i.indpred IS NULL AND i.indexprs IS NULL"
                    + " ORDER BY c.relname, i.indisprimary DESC, i.indexrelid, k.ord");
        ResultSet rows = st.executeQuery()) {
      while (rows.next()) {
        keys.computeIfAbsent(rows.getString(1).toLowerCase(Locale.ROOT), t -> new LinkedHashMap<>())
            .computeIfAbsent(rows.getLong(2), i -> new ArrayList<>())
            .add(rows.getString(3));
      }
    }
    Map<String, Table> tables = new HashMap<>();
    types.forEach((table, columns) -> tables.put(table, new Table(columns,
        List.copyOf(keys.getOrDefault(table, Map.of()).values()))));
    return tables;
  }

  /**
   * The replacing statement: the new row's values named once in a CTE (each parameter is bound
   * once, in place), the colliding rows deleted, the row inserted. The insert waits for the
   * delete through the count it reads; {@code rest} (a RETURNING clause) follows the insert.
   */
  static String statement(
      String table, List<String> columns, List<String> values, Table shape, String rest) {
    List<String> typed = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      typed.add("CAST(" + values.get(i).strip() + " AS " + type(table, columns.get(i), shape)
          + ")");
    }
    List<String> quoted = columns.stream().map(PgSql::quote).toList();
    String names = String.join(", ", quoted);
    String collides = collisions(table, columns, shape.uniqueKeys());
    return "WITH keystone_row (" + names + ") AS (VALUES (" + String.join(", ", typed) + ")),"
        + " keystone_replaced AS (DELETE FROM " + PgSql.quote(table) + " USING keystone_row"
        + " WHERE " + collides + " RETURNING 1)"
        + " INSERT INTO " + PgSql.quote(table) + " (" + names + ") SELECT " + names
        + " FROM keystone_row WHERE (SELECT count(*) FROM keystone_replaced) >= 0" + rest;
  }

  private static String type(String table, String column, Table shape) {
    String type = shape.types().get(column);
    if (type == null) {
      throw new KeystoneException("INSERT OR REPLACE names column " + column + ", which table "
          + table + " does not have on this PostgreSQL database");
    }
    return type;
  }

  /** Any unique key whose every column the insert sets, equal to the new row's (NULL never is). */
  private static String collisions(String table, List<String> columns, List<List<String>> keys) {
    List<String> any = new ArrayList<>();
    for (List<String> key : keys) {
      if (!columns.containsAll(key)) {
        continue;
      }
      List<String> equal = new ArrayList<>();
      for (String column : key) {
        equal.add(PgSql.quote(table) + "." + PgSql.quote(column) + " = keystone_row."
            + PgSql.quote(column));
      }
      any.add("(" + String.join(" AND ", equal) + ")");
    }
    return any.isEmpty() ? "FALSE" : String.join(" OR ", any);
  }
}
