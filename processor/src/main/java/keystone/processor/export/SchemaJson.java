package keystone.processor.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ForeignKeyModel;
import keystone.processor.model.IndexModel;
import keystone.processor.model.ViewModel;
import keystone.processor.sql.Ddl;

/**
 * {@code <version>.json}: the schema as data, for migrations and review. Tables come in creation
 * order (parents first), columns in declaration order; names and values are as SQLite reports
 * them ({@code PRAGMA table_info}, {@code foreign_key_list}, {@code index_list}), with each
 * column's PostgreSQL type beside SQLite's.
 */
final class SchemaJson {
  /**
   * Bumped when the layout of this file changes. 2 adds each column's {@code postgresType}, which
   * SQLite's affinity cannot give (INTEGER is {@code int}, {@code long} or {@code boolean}).
   */
  static final int FORMAT_VERSION = 2;

  private SchemaJson() {}

  static String write(
      String database, int version, List<EntityModel> entities, List<ViewModel> views,
      String hash) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("database", database);
    root.put("version", version);
    root.put("identityHash", hash);
    List<Object> tables = new ArrayList<>();
    for (EntityModel e : entities) {
      tables.add(table(e));
    }
    root.put("tables", tables);
    if (!views.isEmpty()) {
      // Only when there are views, so that exports of schemas without them stay as they were.
      List<Object> out = new ArrayList<>();
      for (ViewModel v : views) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", v.name());
        view.put("class", v.qualifiedName());
        view.put("sql", v.sql());
        view.put("postgresSql", v.postgresSql());
        view.put("columns", v.columns());
        view.put("reads", v.reads());
        out.add(view);
      }
      root.put("views", out);
    }
    return Json.write(root);
  }

  private static Map<String, Object> table(EntityModel e) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("name", e.table());
    t.put("entity", e.qualifiedName());
    List<Object> columns = new ArrayList<>();
    List<Object> uniques = new ArrayList<>();
    for (ColumnModel c : e.columns()) {
      Map<String, Object> col = new LinkedHashMap<>();
      col.put("name", c.name());
      col.put("type", c.stored().sqlite());
      col.put("postgresType", c.stored().postgres());
      col.put("notNull", Ddl.declaredNotNull(e, c));
      col.put("default", c.defaultValue());
      if (c.postgresDefault() != null) {
        // Only when set, so that exports of schemas without it stay as they were.
        col.put("postgresDefault", c.postgresDefault());
      }
      col.put("primaryKeyPosition", IdentityHash.keyPosition(e, c));
      col.put("check", c.check());
      columns.add(col);
      if (c.unique()) {
        uniques.add(Map.of("columns", List.of(c.name())));
      }
    }
    t.put("columns", columns);
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("columns", e.primaryKey());
    key.put("autoGenerate", e.autoGenerate());
    t.put("primaryKey", key);
    t.put("uniqueConstraints", uniques);
    t.put("checks", e.checks());
    List<Object> indexes = new ArrayList<>();
    for (IndexModel i : e.indexes()) {
      Map<String, Object> index = new LinkedHashMap<>();
      index.put("name", i.name());
      index.put("columns", i.columns());
      index.put("unique", i.unique());
      if (i.constraint()) {
        // Only when set, so that exports of schemas without it stay as they were.
        index.put("constraint", true);
      }
      indexes.add(index);
    }
    t.put("indexes", indexes);
    List<Object> keys = new ArrayList<>();
    for (ForeignKeyModel fk : e.foreignKeys()) {
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("name", fk.name());
      k.put("columns", fk.childColumns());
      k.put("parentTable", fk.parentTable());
      k.put("parentColumns", fk.parentColumns());
      k.put("onDelete", fk.onDelete().sql());
      k.put("onUpdate", fk.onUpdate().sql());
      k.put("deferred", fk.deferred());
      keys.add(k);
    }
    t.put("foreignKeys", keys);
    return t;
  }
}
