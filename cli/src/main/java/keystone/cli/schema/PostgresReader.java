package keystone.cli.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import keystone.cli.schema.SourceSchema.Column;
import keystone.cli.schema.SourceSchema.Index;
import keystone.cli.schema.SourceSchema.Key;
import keystone.cli.schema.SourceSchema.Outside;
import keystone.cli.schema.SourceSchema.Table;

/**
 * Reads one PostgreSQL schema from the system catalogs
 * (https://www.postgresql.org/docs/current/catalogs.html): pg_attribute for columns, pg_constraint
 * for keys and checks (with deferral and NOT VALID), pg_index for indexes and their predicates.
 */
public final class PostgresReader {
  private static final Map<String, String> ACTIONS = Map.of(
      "a", "NO ACTION", "r", "RESTRICT", "c", "CASCADE", "n", "SET NULL", "d", "SET DEFAULT");
  private static final String NAMES =
      "(SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(%s) WITH ORDINALITY k(n, i)"
          + " JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.n)";

  private final Connection connection;
  private final String schema;

  public PostgresReader(Connection connection, String schema) {
    this.connection = connection;
    this.schema = schema;
  }

  public SourceSchema read() throws SQLException {
    List<Table> tables = new ArrayList<>();
    for (Object[] t : rows(
        "SELECT c.oid, c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid ="
            + " c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p') ORDER BY 2",
        schema)) {
      tables.add(table((Long) t[0], (String) t[1]));
    }
    List<Outside> outside = new ArrayList<>(views());
    // A materialized view holds rows of its own; @DatabaseView has no such thing.
    for (Object[] m : rows("SELECT matviewname::text, definition FROM pg_matviews"
        + " WHERE schemaname = ? ORDER BY 1", schema)) {
      outside.add(new Outside("materialized view", (String) m[0], (String) m[1]));
    }
    for (Object[] t : rows(
        "SELECT t.tgname::text, pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON"
            + " c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ? AND NOT t.tgisinternal ORDER BY 1", schema)) {
      outside.add(new Outside("trigger", (String) t[0], (String) t[1]));
    }
    return new SourceSchema(SourceSchema.Dialect.POSTGRES, tables, outside);
  }

  /**
   * The views, each after the views it reads (pg_depend: a view's rewrite rule depends on every
   * relation it reads), else by name; each with its SELECT as pg_get_viewdef prints it (pretty)
   * and its columns with their types as format_type prints them.
   */
  private List<Outside> views() throws SQLException {
    Map<Long, String> names = new java.util.TreeMap<>();
    Map<Long, String> selects = new HashMap<>();
    for (Object[] v : rows("SELECT c.oid, c.relname::text, pg_get_viewdef(c.oid, true)"
        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = ? AND c.relkind = 'v'", schema)) {
      names.put((Long) v[0], (String) v[1]);
      selects.put((Long) v[0], (String) v[2]);
    }
    Map<Long, List<Long>> reads = new HashMap<>();
    for (Object[] d : rows("SELECT DISTINCT r.ev_class, d.refobjid FROM pg_depend d"
        + " JOIN pg_rewrite r ON r.oid = d.objid WHERE d.classid = 'pg_rewrite'::regclass"
        + " AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class")) {
      reads.computeIfAbsent((Long) d[0], k -> new ArrayList<>()).add((Long) d[1]);
    }
    List<Long> order = new ArrayList<>();
    names.keySet().stream().sorted((a, b) -> names.get(a).compareTo(names.get(b)))
        .forEach(oid -> visit(oid, names, reads, order));
    List<Outside> views = new ArrayList<>();
    for (long oid : order) {
      List<Column> columns = new ArrayList<>();
      for (Object[] a : rows("SELECT attname::text, format_type(atttypid, atttypmod)"
          + " FROM pg_attribute WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped"
          + " ORDER BY attnum", oid)) {
        columns.add(new Column((String) a[0], (String) a[1], false, null, 0, null, null, null));
      }
      views.add(new Outside("view", names.get(oid), selects.get(oid), columns));
    }
    return views;
  }

  private static void visit(long oid, Map<Long, String> names, Map<Long, List<Long>> reads,
      List<Long> order) {
    if (order.contains(oid)) {
      return;
    }
    order.add(oid); // Marked first: PostgreSQL allows no cycle among views, but never loop.
    int at = order.size() - 1;
    for (long read : reads.getOrDefault(oid, List.of())) {
      if (names.containsKey(read) && !order.contains(read)) {
        visit(read, names, reads, order);
      }
    }
    order.remove(at);
    order.add(oid);
  }

  private Table table(long oid, String name) throws SQLException {
    Map<String, Integer> keyPositions = new HashMap<>();
    Map<String, String> columnChecks = new HashMap<>();
    List<String> checks = new ArrayList<>();
    for (Object[] c : rows(
        "SELECT contype::text, " + String.format(NAMES, "c.conkey", "c.conrelid")
            + ", pg_get_constraintdef(c.oid) FROM pg_constraint c WHERE c.conrelid = ?"
            + " AND c.contype IN ('p', 'c') ORDER BY c.conname", oid)) {
      List<String> cols = (List<String>) c[1];
      if (c[0].equals("p")) {
        for (int i = 0; i < cols.size(); i++) {
          keyPositions.put(cols.get(i), i + 1);
        }
      } else if (cols.size() == 1 && !columnChecks.containsKey(cols.get(0))) {
        columnChecks.put(cols.get(0), checkExpression((String) c[2]));
      } else {
        checks.add(checkExpression((String) c[2]));
      }
    }
    List<Column> columns = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Object[] a : rows(
        "SELECT a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            + " pg_get_expr(d.adbin, d.adrelid), a.attgenerated::text, a.attidentity::text,"
            + " CASE WHEN a.attcollation <> t.typcollation THEN co.collname::text END"
            + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " LEFT JOIN pg_collation co ON co.oid = a.attcollation"
            + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
        oid)) {
      String column = (String) a[0];
      boolean generated = "s".equals(a[4]);
      if (!"".equals(a[5]) && a[5] != null) {
        notes.add("GENERATED AS IDENTITY on " + column);
      }
      columns.add(new Column(column, (String) a[1], (Boolean) a[2],
          generated ? null : (String) a[3], keyPositions.getOrDefault(column, 0),
          columnChecks.get(column), generated ? (String) a[3] : null, (String) a[6]));
    }
    return new Table(name, columns, keys(oid, name), indexes(oid), checks, notes);
  }

  /** {@code CHECK ((quantity > 0))} as pg_get_constraintdef prints it, to {@code quantity > 0}. */
  static String checkExpression(String definition) {
    String s = definition.trim();
    if (s.toUpperCase(java.util.Locale.ROOT).startsWith("CHECK")) {
      s = s.substring(5).trim();
    }
    if (s.endsWith(" NOT VALID")) {
      s = s.substring(0, s.length() - " NOT VALID".length()).trim();
    }
    while (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) {
      s = s.substring(1, s.length() - 1).trim();
    }
    return s;
  }

  private static boolean balanced(String s) {
    int depth = 0;
    for (char c : s.toCharArray()) {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  private List<Key> keys(long oid, String table) throws SQLException {
    List<Key> keys = new ArrayList<>();
    for (Object[] k : rows(
        "SELECT c.conname::text, " + String.format(NAMES, "c.conkey", "c.conrelid") + ","
            + " p.relname::text, " + String.format(NAMES, "c.confkey", "c.confrelid") + ","
            + " c.confdeltype::text, c.confupdtype::text, c.condeferrable, c.condeferred,"
            + " c.convalidated, NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgconstraint ="
            + " c.oid AND t.tgenabled = 'D')"
            + " FROM pg_constraint c JOIN pg_class p ON p.oid = c.confrelid"
            + " WHERE c.conrelid = ? AND c.contype = 'f' ORDER BY c.conname", oid)) {
      keys.add(new Key((String) k[0], table, (List<String>) k[1], (String) k[2],
          (List<String>) k[3], ACTIONS.get(k[4]), ACTIONS.get(k[5]), (Boolean) k[6],
          (Boolean) k[7], (Boolean) k[8], (Boolean) k[9]));
    }
    return keys;
  }

  private List<Index> indexes(long oid) throws SQLException {
    List<Index> indexes = new ArrayList<>();
    for (Object[] i : rows(
        "SELECT c.relname::text, x.indisunique, x.indisprimary,"
            + " pg_get_expr(x.indpred, x.indrelid),"
            + " EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid),"
            + " (SELECT array_agg(coalesce(a.attname::text, '<expression>') ORDER BY k.i)"
            + " FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, i) LEFT JOIN pg_attribute a"
            + " ON a.attrelid = x.indrelid AND a.attnum = k.n)"
            + " FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid WHERE x.indrelid = ?"
            + " ORDER BY 1", oid)) {
      List<String> cols = (List<String>) i[5];
      indexes.add(new Index((String) i[0], cols, (Boolean) i[1], (Boolean) i[4], (Boolean) i[2],
          (String) i[3], cols.contains("<expression>")));
    }
    return indexes;
  }

  /** Rows with text arrays turned into lists, so callers cast once. */
  private List<Object[]> rows(String sql, Object... args) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[n];
          for (int c = 0; c < n; c++) {
            Object value = rs.getObject(c + 1);
            row[c] = value instanceof Array array
                ? List.of((Object[]) array.getArray()) : value;
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }
}
