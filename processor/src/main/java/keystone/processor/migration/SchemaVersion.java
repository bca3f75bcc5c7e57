package keystone.processor.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import keystone.processor.export.IdentityHash;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ForeignKeyModel;
import keystone.processor.model.IndexModel;
import keystone.processor.model.ViewModel;
import keystone.processor.sql.Ddl;

/**
 * One version of a schema as the export describes it: read back from {@code <version>.json}, or
 * taken from the entities being compiled. Both sides of a comparison have this one form, so a
 * difference is a difference SQLite can observe, not one of representation.
 */
record SchemaVersion(int version, String identityHash, List<Table> tables, List<View> views) {

  SchemaVersion {
    tables = List.copyOf(tables);
    views = List.copyOf(views);
  }

  /** A version without views (Room's exports are read without them). */
  SchemaVersion(int version, String identityHash, List<Table> tables) {
    this(version, identityHash, tables, List.of());
  }

  /** A view: dropped and created again by any migration from or to a version that has views. */
  record View(String name, String sql, String postgresSql) {}

  Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }

  List<String> tableNames() {
    return tables.stream().map(Table::name).toList();
  }

  record Table(
      String name,
      List<Column> columns,
      List<String> primaryKey,
      boolean autoGenerate,
      List<String> checks,
      List<Index> indexes,
      List<Key> foreignKeys) {

    Table {
      columns = List.copyOf(columns);
      primaryKey = List.copyOf(primaryKey);
      checks = List.copyOf(checks);
      indexes = List.copyOf(indexes);
      foreignKeys = List.copyOf(foreignKeys);
    }

    Optional<Column> column(String name) {
      return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    List<String> columnNames() {
      return columns.stream().map(Column::name).toList();
    }
  }

  /**
   * A column; {@code keyPosition} is 1-based within the primary key, 0 outside it.
   *
   * @param type SQLite's affinity
   * @param postgresType PostgreSQL's type, or null in an export written before it was recorded
   * @param postgresDefault {@code @Column(postgresDefault)}, PostgreSQL's default instead of
   *     {@code defaultValue}, or null; SQLite does not see it, so {@link #definition} leaves it
   *     out and only PostgreSQL's migration compares it
   */
  record Column(
      String name, String type, String postgresType, boolean notNull, String defaultValue,
      int keyPosition, String check, boolean unique, String postgresDefault) {

    Column(String name, String type, String postgresType, boolean notNull, String defaultValue,
        int keyPosition, String check, boolean unique) {
      this(name, type, postgresType, notNull, defaultValue, keyPosition, check, unique, null);
    }

    /** Everything but the name, as SQLite compares it. */
    String definition() {
      return type + "|" + notNull + "|" + trim(defaultValue) + "|" + keyPosition + "|"
          + trim(check) + "|" + unique;
    }
  }

  /** An index; {@code constraint}: a {@code UNIQUE (...)} table constraint on SQLite. */
  record Index(String name, List<String> columns, boolean unique, boolean constraint) {
    Index {
      columns = List.copyOf(columns);
    }

    Index(String name, List<String> columns, boolean unique) {
      this(name, columns, unique, false);
    }

    String signature() {
      return lower(name) + "|" + lower(String.join(",", columns)) + "|" + unique
          + (constraint ? "|constraint" : "");
    }
  }

  record Key(
      String name, List<String> columns, String parentTable, List<String> parentColumns,
      String onDelete, String onUpdate, boolean deferred) {
    Key {
      columns = List.copyOf(columns);
      parentColumns = List.copyOf(parentColumns);
    }

    String signature() {
      return lower(name) + "|" + lower(String.join(",", columns)) + "|" + lower(parentTable)
          + "|" + lower(String.join(",", parentColumns)) + "|" + onDelete + "|" + onUpdate + "|"
          + deferred;
    }
  }

  /** The schema being compiled, parents first, described as its export would describe it. */
  static SchemaVersion of(int version, List<EntityModel> entities, List<ViewModel> views) {
    List<Table> tables = new ArrayList<>();
    for (EntityModel e : entities) {
      List<Column> columns = new ArrayList<>();
      for (ColumnModel c : e.columns()) {
        columns.add(new Column(c.name(), c.stored().sqlite(), c.stored().postgres(),
            Ddl.declaredNotNull(e, c),
            c.defaultValue(), e.primaryKey().indexOf(keyName(e, c)) + 1, c.check(),
            c.unique(), c.postgresDefault()));
      }
      List<Index> indexes = new ArrayList<>();
      for (IndexModel i : e.indexes()) {
        indexes.add(new Index(i.name(), i.columns(), i.unique(), i.constraint()));
      }
      List<Key> keys = new ArrayList<>();
      for (ForeignKeyModel fk : e.foreignKeys()) {
        keys.add(new Key(fk.name(), fk.childColumns(), fk.parentTable(), fk.parentColumns(),
            fk.onDelete().sql(), fk.onUpdate().sql(), fk.deferred()));
      }
      tables.add(new Table(e.table(), columns, e.primaryKey(), e.autoGenerate(), e.checks(),
          indexes, keys));
    }
    List<View> out = new ArrayList<>();
    views.forEach(v -> out.add(new View(v.name(), v.sql(), v.postgresSql())));
    return new SchemaVersion(version, IdentityHash.of(entities, views), tables, out);
  }

  private static String keyName(EntityModel e, ColumnModel c) {
    return e.primaryKey().stream().filter(k -> k.equalsIgnoreCase(c.name())).findFirst()
        .orElse("");
  }

  /** {@code <version>.json} as {@link JsonReader} parsed it; malformed parts throw. */
  static SchemaVersion fromJson(Object root) {
    Map<?, ?> json = object(root, "the file");
    List<Table> tables = new ArrayList<>();
    for (Object t : list(json, "tables")) {
      Map<?, ?> table = object(t, "a table");
      List<String> uniques = new ArrayList<>();
      for (Object u : list(table, "uniqueConstraints")) {
        uniques.addAll(strings(object(u, "a unique constraint"), "columns"));
      }
      List<Column> columns = new ArrayList<>();
      for (Object c : list(table, "columns")) {
        Map<?, ?> col = object(c, "a column");
        String name = string(col, "name");
        columns.add(new Column(name, string(col, "type"), optional(col, "postgresType"),
            bool(col, "notNull"), optional(col, "default"),
            (int) number(col, "primaryKeyPosition"), optional(col, "check"),
            uniques.stream().anyMatch(name::equalsIgnoreCase), optional(col, "postgresDefault")));
      }
      Map<?, ?> key = object(table.get("primaryKey"), "primaryKey");
      List<Index> indexes = new ArrayList<>();
      for (Object i : list(table, "indexes")) {
        Map<?, ?> index = object(i, "an index");
        indexes.add(new Index(string(index, "name"), strings(index, "columns"),
            bool(index, "unique"), index.get("constraint") != null && bool(index, "constraint")));
      }
      List<Key> keys = new ArrayList<>();
      for (Object k : list(table, "foreignKeys")) {
        Map<?, ?> fk = object(k, "a foreign key");
        keys.add(new Key(string(fk, "name"), strings(fk, "columns"), string(fk, "parentTable"),
            strings(fk, "parentColumns"), string(fk, "onDelete"), string(fk, "onUpdate"),
            bool(fk, "deferred")));
      }
      tables.add(new Table(string(table, "name"), columns, strings(key, "columns"),
          bool(key, "autoGenerate"), strings(table, "checks"), indexes, keys));
    }
    List<View> views = new ArrayList<>();
    if (json.get("views") != null) {
      for (Object v : list(json, "views")) {
        Map<?, ?> view = object(v, "a view");
        String sql = string(view, "sql");
        String postgres = optional(view, "postgresSql");
        views.add(new View(string(view, "name"), sql, postgres == null ? sql : postgres));
      }
    }
    return new SchemaVersion((int) number(json, "version"), optional(json, "identityHash"),
        tables, views);
  }

  private static Map<?, ?> object(Object value, String what) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new IllegalArgumentException(what + " is not a JSON object");
  }

  private static List<?> list(Map<?, ?> json, String name) {
    if (json.get(name) instanceof List<?> list) {
      return list;
    }
    throw new IllegalArgumentException("\"" + name + "\" is not a list");
  }

  private static List<String> strings(Map<?, ?> json, String name) {
    List<String> out = new ArrayList<>();
    for (Object o : list(json, name)) {
      if (!(o instanceof String s)) {
        throw new IllegalArgumentException("\"" + name + "\" holds a non-string");
      }
      out.add(s);
    }
    return out;
  }

  private static String string(Map<?, ?> json, String name) {
    if (json.get(name) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("\"" + name + "\" is not a string");
  }

  private static String optional(Map<?, ?> json, String name) {
    Object v = json.get(name);
    return v == null ? null : string(json, name);
  }

  private static boolean bool(Map<?, ?> json, String name) {
    if (json.get(name) instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException("\"" + name + "\" is not true or false");
  }

  private static long number(Map<?, ?> json, String name) {
    if (json.get(name) instanceof Long n) {
      return n;
    }
    throw new IllegalArgumentException("\"" + name + "\" is not a number");
  }

  static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }
}
