package keystone.processor.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keystone.processor.migration.SchemaVersion.Column;
import keystone.processor.migration.SchemaVersion.Index;
import keystone.processor.migration.SchemaVersion.Key;
import keystone.processor.migration.SchemaVersion.Table;

/**
 * Room's exported schema ({@code <version>.json} under Room's {@code room.schemaLocation}, format
 * 1) read as the version a Keystone file adopted from Room has: the same tables, columns, keys
 * and indexes, with the names the engine's adoption step gives them. Room's index
 * {@code index_<table>_<columns>} is Keystone's {@code idx_<table>_<columns>}, and a foreign key
 * (unnamed in Room's DDL) takes Keystone's default name {@code fk_<table>_<columns>}. An
 * auto-generated INTEGER key is the rowid alias, which Keystone declares without NOT NULL.
 */
final class RoomSchemaJson {
  private RoomSchemaJson() {}

  /** Whether the parsed file is Room's (a {@code database} object holding {@code entities}). */
  static boolean isRoom(Object root) {
    return root instanceof Map<?, ?> json && json.get("database") instanceof Map<?, ?> db
        && db.get("entities") instanceof List<?>;
  }

  static SchemaVersion read(Object root) {
    Map<?, ?> db = map(((Map<?, ?>) root).get("database"), "database");
    List<Table> tables = new ArrayList<>();
    for (Object e : list(db, "entities")) {
      tables.add(table(map(e, "an entity")));
    }
    String hash = db.get("identityHash") instanceof String s ? s : null;
    return new SchemaVersion((int) number(db, "version"), hash, tables);
  }

  private static Table table(Map<?, ?> entity) {
    String name = string(entity, "tableName");
    Map<?, ?> pk = map(entity.get("primaryKey"), "primaryKey");
    List<String> key = strings(pk, "columnNames");
    boolean autoGenerate = Boolean.TRUE.equals(pk.get("autoGenerate"));
    List<Column> columns = new ArrayList<>();
    for (Object f : list(entity, "fields")) {
      Map<?, ?> field = map(f, "a field");
      String column = string(field, "columnName");
      String type = string(field, "affinity").toUpperCase(Locale.ROOT);
      int position = indexOfIgnoreCase(key, column) + 1;
      boolean rowidAlias = autoGenerate && key.size() == 1 && position == 1;
      boolean notNull = !rowidAlias && Boolean.TRUE.equals(field.get("notNull"));
      String defaultValue = field.get("defaultValue") instanceof String d ? d : null;
      columns.add(new Column(column, type, null, notNull, defaultValue, position, null, false));
    }
    List<Index> indexes = new ArrayList<>();
    for (Object i : optionalList(entity, "indices")) {
      Map<?, ?> index = map(i, "an index");
      String roomName = string(index, "name");
      String keystone = roomName.startsWith("index_")
          ? "idx_" + roomName.substring("index_".length()) : roomName;
      indexes.add(new Index(keystone, strings(index, "columnNames"),
          Boolean.TRUE.equals(index.get("unique"))));
    }
    List<Key> keys = new ArrayList<>();
    for (Object k : optionalList(entity, "foreignKeys")) {
      Map<?, ?> fk = map(k, "a foreign key");
      List<String> childColumns = strings(fk, "columns");
      keys.add(new Key("fk_" + name + "_" + String.join("_", childColumns), childColumns,
          string(fk, "table"), strings(fk, "referencedColumns"), string(fk, "onDelete"),
          string(fk, "onUpdate"), deferred(entity, childColumns)));
    }
    return new Table(name, columns, key, autoGenerate, List.of(), indexes, keys);
  }

  /** Room's JSON keeps {@code deferred} only in the DDL: the key's clause there says it. */
  private static boolean deferred(Map<?, ?> entity, List<String> childColumns) {
    String sql = entity.get("createSql") instanceof String s ? s : "";
    String columns = String.join("`, `", childColumns);
    int at = sql.indexOf("FOREIGN KEY(`" + columns + "`)");
    if (at < 0) {
      return false;
    }
    int next = sql.indexOf("FOREIGN KEY(", at + 1);
    String clause = sql.substring(at, next < 0 ? sql.length() : next);
    return clause.toUpperCase(Locale.ROOT).contains("DEFERRABLE INITIALLY DEFERRED");
  }

  private static int indexOfIgnoreCase(List<String> names, String name) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  private static Map<?, ?> map(Object value, String what) {
    if (value instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalArgumentException(what + " is not a JSON object");
  }

  private static List<?> list(Map<?, ?> json, String name) {
    if (json.get(name) instanceof List<?> l) {
      return l;
    }
    throw new IllegalArgumentException("\"" + name + "\" is not a list");
  }

  private static List<?> optionalList(Map<?, ?> json, String name) {
    return json.get(name) == null ? List.of() : list(json, name);
  }

  private static List<String> strings(Map<?, ?> json, String name) {
    List<String> out = new ArrayList<>();
    for (Object o : list(json, name)) {
      out.add((String) o);
    }
    return out;
  }

  private static String string(Map<?, ?> json, String name) {
    if (json.get(name) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("\"" + name + "\" is not a string");
  }

  private static long number(Map<?, ?> json, String name) {
    if (json.get(name) instanceof Long n) {
      return n;
    }
    throw new IllegalArgumentException("\"" + name + "\" is not a number");
  }
}
