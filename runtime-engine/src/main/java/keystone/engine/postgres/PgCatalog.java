package keystone.engine.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keystone.ForeignKey.Action;
import keystone.engine.schema.TableShape;
import keystone.engine.schema.TableShape.ColumnShape;
import keystone.engine.schema.TableShape.ForeignKeyShape;
import keystone.engine.schema.TableShape.IndexShape;
import keystone.engine.spi.ForeignKeyInfo;

/**
 * The tables of one PostgreSQL schema as {@link TableShape}s, read from the catalogs
 * (https://www.postgresql.org/docs/14/catalogs.html), so that {@code SchemaDiff} compares a
 * database with the compiled schema structurally, as it does SQLite's pragmas; and its foreign
 * keys as they are, whatever version the database is at.
 *
 * @param namespace SQL for the schema's oid: {@code current_schema()::regnamespace}, or
 *     {@code pg_my_temp_schema()}
 */
record PgCatalog(Connection connection, String namespace) {
  static PgCatalog current(Connection connection) {
    return new PgCatalog(connection, "current_schema()::regnamespace");
  }

  /** Every table, by lower-case name. */
  Map<String, TableShape> tables() throws SQLException {
    Map<String, List<ColumnShape>> columns = columns();
    Map<String, List<ForeignKeyShape>> keys = new LinkedHashMap<>();
    for (ForeignKeyInfo k : foreignKeys()) {
      keys.computeIfAbsent(lower(k.childTable()), t -> new ArrayList<>()).add(new ForeignKeyShape(
          lower(k.childColumns()), lower(k.parentTable()), lower(k.parentColumns()),
          k.onDelete().sql(), k.onUpdate().sql()));
    }
    Map<String, Map<String, IndexShape>> indexes = indexes();
    Map<String, TableShape> tables = new LinkedHashMap<>();
    columns.forEach((table, cols) -> tables.put(table, new TableShape(table, cols,
        keys.getOrDefault(table, List.of()), indexes.getOrDefault(table, Map.of()))));
    return tables;
  }

  /**
   * Every view's SELECT as PostgreSQL prints it (pg_get_viewdef, which normalises what was
   * written: names qualified, casts and parentheses added), whitespace collapsed, by lower-case
   * name. Two views print alike when PostgreSQL made the same query tree of them.
   * https://www.postgresql.org/docs/14/functions-info.html#FUNCTIONS-INFO-CATALOG-TABLE
   */
  Map<String, String> views() throws SQLException {
    Map<String, String> views = new LinkedHashMap<>();
    try (PreparedStatement st = connection.prepareStatement(
            "SELECT c.relname, pg_get_viewdef(c.oid, true) FROM pg_class c WHERE c.relkind = 'v'"
                + " AND c.relnamespace = " + namespace + " ORDER BY c.relname");
        ResultSet rows = st.executeQuery()) {
      while (rows.next()) {
        String select = rows.getString(2).strip().replaceAll("\\s+", " ");
        views.put(lower(rows.getString(1)), select.endsWith(";")
            ? select.substring(0, select.length() - 1) : select);
      }
    }
    return views;
  }

  /** The foreign keys declared now, NOT VALID ones included. */
  List<ForeignKeyInfo> foreignKeys() throws SQLException {
    List<ForeignKeyInfo> keys = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(
            "SELECT k.conname, c.relname, " + names("k.conkey", "k.conrelid") + ", p.relname, "
                + names("k.confkey", "k.confrelid") + ", k.confdeltype, k.confupdtype,"
                + " k.condeferred FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
                + " JOIN pg_class p ON p.oid = k.confrelid WHERE k.contype = 'f'"
                + " AND c.relnamespace = " + namespace + " ORDER BY c.relname, k.conname");
        ResultSet rows = st.executeQuery()) {
      while (rows.next()) {
        keys.add(new ForeignKeyInfo(rows.getString(1), rows.getString(2), strings(rows, 3),
            rows.getString(4), strings(rows, 5), action(rows.getString(6)),
            action(rows.getString(7)), rows.getBoolean(8)));
      }
    }
    return keys;
  }

  /** pg_constraint's one-letter actions (catalog-pg-constraint.html). */
  static Action action(String code) {
    return switch (code) {
      case "r" -> Action.RESTRICT;
      case "c" -> Action.CASCADE;
      case "n" -> Action.SET_NULL;
      case "d" -> Action.SET_DEFAULT;
      default -> Action.NO_ACTION;
    };
  }

  /** Columns in order, with type, NOT NULL, default and position in the primary key. */
  private Map<String, List<ColumnShape>> columns() throws SQLException {
    Map<String, List<ColumnShape>> columns = new LinkedHashMap<>();
    try (PreparedStatement st = connection.prepareStatement(
            "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " pg_get_expr(d.adbin, d.adrelid), a.attidentity,"
                + " coalesce(array_position(p.conkey, a.attnum), 0)"
                + " FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0"
                + " AND NOT a.attisdropped"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum"
                + " LEFT JOIN pg_constraint p ON p.conrelid = c.oid AND p.contype = 'p'"
                + " WHERE c.relkind IN ('r', 'p') AND c.relnamespace = " + namespace
                + " ORDER BY c.relname, a.attnum");
        ResultSet rows = st.executeQuery()) {
      while (rows.next()) {
        String identity = rows.getString(6);
        String dflt = rows.getString(5);
        // A SERIAL column (a sequence's nextval as default) generates keys as Keystone's
        // GENERATED BY DEFAULT AS IDENTITY does: the next value when none is given, any given
        // value kept. ALWAYS refuses given values, so it stays apart.
        // https://www.postgresql.org/docs/14/datatype-numeric.html#DATATYPE-SERIAL
        boolean serial = dflt != null && dflt.startsWith("nextval(");
        String generated = "a".equals(identity) ? " IDENTITY ALWAYS"
            : "d".equals(identity) || serial ? " IDENTITY" : "";
        String type = rows.getString(3).toUpperCase(Locale.ROOT) + generated;
        columns.computeIfAbsent(lower(rows.getString(1)), t -> new ArrayList<>()).add(
            new ColumnShape(lower(rows.getString(2)), type, rows.getBoolean(4),
                serial ? null : dflt, rows.getInt(7)));
      }
    }
    return columns;
  }

  /** Named indexes by name; those behind a primary key or UNIQUE by their columns. */
  private Map<String, Map<String, IndexShape>> indexes() throws SQLException {
    Map<String, Map<String, IndexShape>> indexes = new LinkedHashMap<>();
    try (PreparedStatement st = connection.prepareStatement(
            "SELECT c.relname, i.relname, x.indisunique, EXISTS (SELECT 1 FROM pg_constraint k"
                + " WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid"
                + " AND k.contype IN ('p', 'u')), " + names("x.indkey::int2[]", "x.indrelid")
                + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                + " JOIN pg_class c ON c.oid = x.indrelid WHERE c.relnamespace = " + namespace
                + " ORDER BY c.relname, i.relname");
        ResultSet rows = st.executeQuery()) {
      while (rows.next()) {
        List<String> columns = lower(strings(rows, 5));
        boolean constraint = rows.getBoolean(4);
        String key = constraint ? "(" + String.join(", ", columns) + ")" : lower(rows.getString(2));
        indexes.computeIfAbsent(lower(rows.getString(1)), t -> new LinkedHashMap<>()).put(key,
            new IndexShape(constraint ? null : rows.getString(2), columns, rows.getBoolean(3)));
      }
    }
    return indexes;
  }

  /** The names of the attribute numbers {@code attnums} of {@code relation}, in their order. */
  private static String names(String attnums, String relation) {
    return "ARRAY(SELECT coalesce(a.attname::text, '<expression>') FROM unnest(" + attnums
        + ") WITH ORDINALITY u(n, o) LEFT JOIN pg_attribute a ON a.attrelid = " + relation
        + " AND a.attnum = u.n ORDER BY u.o)";
  }

  private static List<String> strings(ResultSet rows, int column) throws SQLException {
    Array array = rows.getArray(column);
    List<String> out = new ArrayList<>();
    for (Object o : (Object[]) array.getArray()) {
      out.add((String) o);
    }
    return out;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static List<String> lower(List<String> names) {
    return names.stream().map(PgCatalog::lower).toList();
  }
}
