package keystone.cli.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keystone.cli.schema.CreateTableText.ColumnText;
import keystone.cli.schema.CreateTableText.KeyText;
import keystone.cli.schema.SourceSchema.Column;
import keystone.cli.schema.SourceSchema.Index;
import keystone.cli.schema.SourceSchema.Key;
import keystone.cli.schema.SourceSchema.Outside;
import keystone.cli.schema.SourceSchema.Table;

/**
 * Reads an SQLite schema through the pragma table-valued functions
 * (https://www.sqlite.org/pragma.html#pragfunc), the way the engine's {@code SchemaShapes} does,
 * plus the CREATE TABLE text for what the pragmas leave out.
 */
public final class SqliteReader {
  private final Connection connection;

  public SqliteReader(Connection connection) {
    this.connection = connection;
  }

  public SourceSchema read() throws SQLException {
    List<Table> tables = new ArrayList<>();
    List<Outside> outside = new ArrayList<>();
    for (String[] object : rows(
        "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
            // Views in creation order: a view may read one made before it.
            + " AND type IN ('table', 'view', 'trigger')"
            + " ORDER BY type, CASE type WHEN 'view' THEN rowid END, name")) {
      String sql = object[2] == null ? "" : object[2];
      boolean virtual = sql.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ")
          .startsWith("CREATE VIRTUAL TABLE");
      if (object[0].equals("table") && !virtual) {
        tables.add(table(object[1], sql));
      } else {
        String kind = object[0].equals("table") ? "virtual table" : object[0];
        outside.add(new Outside(kind, object[1], sql,
            kind.equals("view") ? viewColumns(object[1]) : List.of()));
      }
    }
    return new SourceSchema(SourceSchema.Dialect.SQLITE, tables, outside);
  }

  /**
   * A view's columns; an expression column declares no type, so the storage class of its first
   * non-NULL value among the first thousand rows stands for it.
   */
  private List<Column> viewColumns(String view) throws SQLException {
    List<Column> columns = new ArrayList<>();
    List<String[]> declared;
    try {
      declared = rows("SELECT name, type FROM pragma_table_info(?) ORDER BY cid", view);
    } catch (SQLException e) {
      return List.of(); // A view that no longer prepares: listed, never imported.
    }
    for (String[] c : declared) {
      String type = c[1] == null ? "" : c[1];
      if (type.isEmpty()) {
        List<String[]> seen = rows("SELECT upper(typeof(v)) FROM (SELECT " + Sql.quote(c[0])
            + " AS v FROM " + Sql.quote(view) + " LIMIT 1000) WHERE v IS NOT NULL LIMIT 1");
        type = seen.isEmpty() ? "TEXT" : seen.get(0)[0];
      }
      columns.add(new Column(c[0], type, false, null, 0, null, null, null));
    }
    return columns;
  }

  private Table table(String name, String sql) throws SQLException {
    CreateTableText text = CreateTableText.parse(sql);
    List<Column> columns = new ArrayList<>();
    for (String[] c : rows(
        "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?)"
            + " ORDER BY cid", name)) {
      ColumnText extra = text.columns().getOrDefault(
          c[0].toLowerCase(Locale.ROOT), new ColumnText(null, null, null));
      boolean generated = c[5].equals("2") || c[5].equals("3");
      columns.add(new Column(c[0], c[1], c[2].equals("1"), c[3], Integer.parseInt(c[4]),
          extra.check(), generated ? extra.generated() : null, extra.collation()));
    }
    List<String> notes = new ArrayList<>();
    if (text.withoutRowid()) {
      notes.add("WITHOUT ROWID");
    }
    if (text.autoIncrement()) {
      notes.add("AUTOINCREMENT");
    }
    return new Table(name, columns, keys(name, columns, text), indexes(name), text.checks(),
        notes);
  }

  private List<Key> keys(String table, List<Column> columns, CreateTableText text)
      throws SQLException {
    Map<String, List<String[]>> byId = new LinkedHashMap<>();
    for (String[] row : rows(
        "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete"
            + " FROM pragma_foreign_key_list(?) ORDER BY id, seq", table)) {
      byId.computeIfAbsent(row[0], id -> new ArrayList<>()).add(row);
    }
    List<Key> keys = new ArrayList<>();
    // foreign_key_list numbers keys in reverse order of declaration; read them back in order.
    List<List<String[]>> declared = new ArrayList<>(byId.values());
    java.util.Collections.reverse(declared);
    for (List<String[]> rows : declared) {
      String parent = rows.get(0)[1];
      List<String> from = new ArrayList<>();
      List<String> to = new ArrayList<>();
      for (String[] row : rows) {
        from.add(row[2]);
        to.add(row[3]);
      }
      if (to.contains(null)) {
        to = primaryKey(parent);
      }
      KeyText written = written(text, from, parent);
      String name = written != null && written.name() != null
          ? written.name() : "fk_" + table + "_" + String.join("_", from);
      boolean deferrable = written != null && written.deferrable();
      boolean deferred = written != null && written.initiallyDeferred();
      keys.add(new Key(name, table, from, parent, to, rows.get(0)[5], rows.get(0)[4],
          deferrable, deferred, true, true));
    }
    return keys;
  }

  private static KeyText written(CreateTableText text, List<String> from, String parent) {
    for (KeyText k : text.keys()) {
      if (k.parent().equalsIgnoreCase(parent) && sameNames(k.columns(), from)) {
        return k;
      }
    }
    return null;
  }

  private static boolean sameNames(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equalsIgnoreCase(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The parent's primary key, or empty when the parent table does not exist. */
  private List<String> primaryKey(String table) throws SQLException {
    List<String> key = new ArrayList<>();
    for (String[] row : rows(
        "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", table)) {
      key.add(row[0]);
    }
    return key;
  }

  private List<Index> indexes(String table) throws SQLException {
    List<Index> indexes = new ArrayList<>();
    for (String[] index : rows(
        "SELECT l.name, l.\"unique\", l.origin, l.partial, s.sql FROM pragma_index_list(?) l"
            + " LEFT JOIN sqlite_schema s ON s.type = 'index' AND s.name = l.name"
            + " ORDER BY l.name", table)) {
      List<String> columns = new ArrayList<>();
      boolean expression = false;
      for (String[] column : rows(
          "SELECT name FROM pragma_index_info(?) ORDER BY seqno", index[0])) {
        expression |= column[0] == null;
        columns.add(column[0] == null ? "<expression>" : column[0]);
      }
      String where = index[3].equals("1") ? predicate(index[4]) : null;
      indexes.add(new Index(index[0], columns, index[1].equals("1"), !index[2].equals("c"),
          index[2].equals("pk"), where, expression));
    }
    return indexes;
  }

  /** The WHERE clause of a partial index's CREATE INDEX text. */
  private static String predicate(String sql) {
    if (sql == null) {
      return "";
    }
    int at = sql.toUpperCase(Locale.ROOT).lastIndexOf(" WHERE ");
    return at < 0 ? "" : sql.substring(at + " WHERE ".length()).trim();
  }

  private List<String[]> rows(String sql, String... args) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setString(i + 1, args[i]);
      }
      List<String[]> rows = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          String[] row = new String[n];
          for (int i = 0; i < n; i++) {
            row[i] = rs.getString(i + 1);
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }
}
