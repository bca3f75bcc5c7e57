package keystone.engine.sqlite.diagnosis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keystone.ForeignKey.Action;
import keystone.engine.sqlite.SqliteStatement;
import keystone.engine.sqlite.SqliteConnection;
import keystone.engine.spi.ForeignKeyInfo;
import keystone.engine.spi.Schema;

/**
 * The foreign keys the file really has, named. SQLite keeps no constraint names and numbers keys
 * per table in {@code PRAGMA foreign_key_list}, which is what {@code foreign_key_check} reports;
 * the compiled schema supplies the names. Read fresh on every failure, since raw DDL may have
 * changed the file: the failure path may be slow, the success path never calls this.
 */
public final class ForeignKeyCatalog {
  private final Map<String, ForeignKeyInfo> byTableAndId;
  private final List<ForeignKeyInfo> all;

  private ForeignKeyCatalog(Map<String, ForeignKeyInfo> byTableAndId) {
    this.byTableAndId = byTableAndId;
    this.all = List.copyOf(byTableAndId.values());
  }

  static ForeignKeyCatalog read(SqliteConnection connection, Schema schema) {
    Map<String, ForeignKeyInfo> keys = new HashMap<>();
    for (String table : connection.tables()) {
      Map<Long, Declared> declared = declaredKeys(connection, table);
      for (Map.Entry<Long, Declared> entry : declared.entrySet()) {
        keys.put(key(table, entry.getKey()), named(entry.getValue(), table, connection, schema));
      }
    }
    return new ForeignKeyCatalog(keys);
  }

  ForeignKeyInfo lookup(String table, long id) {
    return byTableAndId.get(key(table, id));
  }

  public List<ForeignKeyInfo> all() {
    return all;
  }

  private static String key(String table, long id) {
    return table.toLowerCase(Locale.ROOT) + "#" + id;
  }

  private static Map<Long, Declared> declaredKeys(SqliteConnection connection, String table) {
    Map<Long, Declared> keys = new HashMap<>();
    SqliteStatement st =
        connection.prepare(
            "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete"
                + " FROM pragma_foreign_key_list(?) ORDER BY id, seq");
    try {
      st.bindText(1, table);
      while (st.step()) {
        Declared d =
            keys.computeIfAbsent(
                st.columnLong(0),
                id -> new Declared(st.columnText(1), st.columnText(5), st.columnText(4)));
        d.from.add(st.columnText(2));
        d.to.add(st.columnText(3));
      }
    } finally {
      st.reset();
    }
    return keys;
  }

  private static ForeignKeyInfo named(
      Declared d, String table, SqliteConnection connection, Schema schema) {
    List<String> parentColumns = d.to.contains(null) ? primaryKey(connection, d.parent) : d.to;
    for (ForeignKeyInfo info : schema.foreignKeys()) {
      if (info.childTable().equalsIgnoreCase(table)
          && info.parentTable().equalsIgnoreCase(d.parent)
          && sameNames(info.childColumns(), d.from)) {
        return info;
      }
    }
    // A key created by raw DDL: name it the way the processor would have.
    return new ForeignKeyInfo(
        "fk_" + table + "_" + String.join("_", d.from),
        table,
        d.from,
        d.parent,
        parentColumns,
        action(d.onDelete),
        action(d.onUpdate),
        false);
  }

  static List<String> primaryKey(SqliteConnection connection, String table) {
    return connection.queryStrings(
        "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", table);
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

  private static Action action(String sql) {
    for (Action action : Action.values()) {
      if (action.sql().equalsIgnoreCase(sql)) {
        return action;
      }
    }
    return Action.NO_ACTION;
  }

  /** One key as {@code foreign_key_list} declares it, before naming. */
  private static final class Declared {
    final String parent;
    final String onDelete;
    final String onUpdate;
    final List<String> from = new ArrayList<>();
    final List<String> to = new ArrayList<>();

    Declared(String parent, String onDelete, String onUpdate) {
      this.parent = parent;
      this.onDelete = onDelete;
      this.onUpdate = onUpdate;
    }
  }
}
