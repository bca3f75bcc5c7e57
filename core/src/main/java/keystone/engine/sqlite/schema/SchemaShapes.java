package keystone.engine.sqlite.schema;

import keystone.engine.schema.SchemaDiff;
import keystone.engine.schema.TableShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import keystone.engine.schema.TableShape.ColumnShape;
import keystone.engine.schema.TableShape.ForeignKeyShape;
import keystone.engine.schema.TableShape.IndexShape;
import keystone.engine.sqlite.ConstraintErrors;
import keystone.engine.sqlite.SqliteStatement;
import keystone.engine.sqlite.SqliteConnection;
import keystone.engine.spi.Schema;

/**
 * Reads tables through {@code pragma_table_info}, {@code pragma_foreign_key_list} and
 * {@code pragma_index_list} (https://www.sqlite.org/pragma.html#pragfunc), so that two schemas
 * compare by structure rather than by the text of their DDL.
 */
public final class SchemaShapes {
  private SchemaShapes() {}

  /**
   * The compiled schema's tables: its DDL run on a scratch in-memory database of the same driver
   * as {@code file}, so that both are read by one SQLite version.
   */
  public static Map<String, TableShape> compiled(Schema schema, SqliteConnection file) {
    try (SqliteConnection scratch = scratch(schema, file)) {
      return read(scratch);
    }
  }

  /**
   * How {@code file} differs from the compiled schema: its tables, then its views
   * ({@link ViewShapes}); empty when it matches.
   */
  public static List<String> differences(Schema schema, SqliteConnection file) {
    try (SqliteConnection scratch = scratch(schema, file)) {
      List<String> problems = new ArrayList<>(SchemaDiff.differences(read(scratch), read(file)));
      problems.addAll(
          ViewShapes.differences(ViewShapes.read(scratch), ViewShapes.read(file)));
      return problems;
    }
  }

  private static SqliteConnection scratch(Schema schema, SqliteConnection file) {
    SqliteConnection scratch =
        SqliteConnection.open(
            file.driver(), null, false, (e, st) -> ConstraintErrors.translate(e, st == null ? null : st.sql()));
    try {
      for (String statement : schema.statements()) {
        scratch.execUncached(statement);
      }
      return scratch;
    } catch (RuntimeException e) {
      scratch.close();
      throw e;
    }
  }

  /** Every table of the connection's main database, by lower-case name. */
  public static Map<String, TableShape> read(SqliteConnection connection) {
    Map<String, TableShape> tables = new LinkedHashMap<>();
    for (String table :
        connection.queryStrings(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                + " ORDER BY name")) {
      tables.put(
          table.toLowerCase(Locale.ROOT),
          new TableShape(
              table, columns(connection, table), foreignKeys(connection, table),
              indexes(connection, table)));
    }
    return tables;
  }

  private static List<ColumnShape> columns(SqliteConnection connection, String table) {
    List<ColumnShape> columns = new ArrayList<>();
    SqliteStatement st =
        connection.prepare(
            "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid");
    try {
      st.bindText(1, table);
      while (st.step()) {
        columns.add(
            new ColumnShape(
                st.columnText(0).toLowerCase(Locale.ROOT),
                affinity(st.columnText(1)),
                st.columnLong(2) != 0,
                st.columnText(3),
                (int) st.columnLong(4)));
      }
    } finally {
      st.reset();
    }
    return rowidAliasNullable(columns);
  }

  /**
   * A lone INTEGER key column is the rowid alias, which NULL never reaches (a NULL asks for a new
   * rowid, https://www.sqlite.org/lang_createtable.html#rowid), so its NOT NULL says nothing:
   * Room writes {@code INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL}, Keystone leaves the clause
   * out, and both are the same column.
   */
  private static List<ColumnShape> rowidAliasNullable(List<ColumnShape> columns) {
    List<ColumnShape> keys = columns.stream().filter(c -> c.keyPosition() > 0)
        .collect(Collectors.toList());
    if (keys.size() != 1 || !keys.get(0).type().equals("INTEGER") || !keys.get(0).notNull()) {
      return columns;
    }
    List<ColumnShape> out = new ArrayList<>();
    for (ColumnShape c : columns) {
      out.add(c == keys.get(0)
          ? new ColumnShape(c.name(), c.type(), false, c.defaultValue(), c.keyPosition()) : c);
    }
    return out;
  }

  /**
   * A declared type compares by its affinity (https://www.sqlite.org/datatype3.html#type_affinity,
   * rules 1 to 5): VARCHAR(40) and TEXT, or BIGINT and INTEGER, store and compare values alike,
   * so a file written with either spelling has the structure the compiled schema describes.
   * Public for the keystone command, which compares keys and maps types by the same rule.
   */
  public static String affinity(String declared) {
    String t = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
    if (t.contains("INT")) {
      return "INTEGER";
    }
    if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
      return "TEXT";
    }
    if (t.isEmpty() || t.contains("BLOB")) {
      return "BLOB";
    }
    if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
      return "REAL";
    }
    return "NUMERIC";
  }

  private static List<ForeignKeyShape> foreignKeys(SqliteConnection connection, String table) {
    Map<Long, List<String[]>> byId = new LinkedHashMap<>();
    SqliteStatement st =
        connection.prepare(
            "SELECT id, \"table\", \"from\", \"to\", on_delete, on_update"
                + " FROM pragma_foreign_key_list(?) ORDER BY id, seq");
    try {
      st.bindText(1, table);
      while (st.step()) {
        byId.computeIfAbsent(st.columnLong(0), id -> new ArrayList<>())
            .add(
                new String[] {
                  st.columnText(1), st.columnText(2), st.columnText(3), st.columnText(4),
                  st.columnText(5)
                });
      }
    } finally {
      st.reset();
    }
    List<ForeignKeyShape> keys = new ArrayList<>();
    for (List<String[]> rows : byId.values()) {
      String parent = rows.get(0)[0];
      List<String> from = new ArrayList<>();
      List<String> to = new ArrayList<>();
      for (String[] row : rows) {
        from.add(row[1].toLowerCase(Locale.ROOT));
        to.add(row[2] == null ? null : row[2].toLowerCase(Locale.ROOT));
      }
      if (to.contains(null)) {
        to = primaryKey(connection, parent);
      }
      keys.add(
          new ForeignKeyShape(
              from, parent.toLowerCase(Locale.ROOT), to, rows.get(0)[3], rows.get(0)[4]));
    }
    return keys;
  }

  private static List<String> primaryKey(SqliteConnection connection, String table) {
    List<String> key = new ArrayList<>();
    SqliteStatement st =
        connection.prepare("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk");
    try {
      st.bindText(1, table);
      while (st.step()) {
        key.add(st.columnText(0).toLowerCase(Locale.ROOT));
      }
    } finally {
      st.reset();
    }
    return key;
  }

  private static Map<String, IndexShape> indexes(SqliteConnection connection, String table) {
    List<String[]> listed = new ArrayList<>();
    SqliteStatement st =
        connection.prepare(
            "SELECT name, \"unique\", origin FROM pragma_index_list(?) ORDER BY name");
    try {
      st.bindText(1, table);
      while (st.step()) {
        listed.add(new String[] {st.columnText(0), String.valueOf(st.columnLong(1)),
            st.columnText(2)});
      }
    } finally {
      st.reset();
    }
    Map<String, IndexShape> indexes = new LinkedHashMap<>();
    for (String[] index : listed) {
      List<String> columns = new ArrayList<>();
      for (String column :
          connection.queryStrings("SELECT name FROM pragma_index_info(?) ORDER BY seqno", index[0])) {
        columns.add(column == null ? "<expression>" : column.toLowerCase(Locale.ROOT));
      }
      boolean automatic = !index[2].equals("c");
      String key = automatic ? "(" + String.join(", ", columns) + ")" : index[0].toLowerCase(Locale.ROOT);
      indexes.put(key, new IndexShape(automatic ? null : index[0], columns, index[1].equals("1")));
    }
    return indexes;
  }
}
