package keystone.processor.sql;

import static keystone.processor.sql.PostgresNames.quote;
import static keystone.processor.sql.PostgresNames.quoteAll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ForeignKeyModel;
import keystone.processor.model.IndexModel;

/**
 * PostgreSQL DDL for the same model as {@link Ddl}, in three runs the engine executes in order:
 *
 * <ol>
 *   <li>CREATE TABLE for every table, in the order of the SQLite DDL (parents first);
 *   <li>CREATE INDEX for every index, with the same names as on SQLite;
 *   <li>ALTER TABLE ... ADD CONSTRAINT for the foreign keys PostgreSQL cannot declare inline.
 * </ol>
 *
 * <p>Unlike SQLite, PostgreSQL checks a foreign key's parent when the key is declared: the
 * parent table must exist and its columns must already carry a primary key or a unique
 * constraint or index (https://www.postgresql.org/docs/14/sql-createtable.html, REFERENCES).
 * So a key stays inside its CREATE TABLE when its parent came earlier (or is the table itself)
 * and the parent columns are the parent's primary key or one UNIQUE column; a key that closes a
 * cycle, or whose parent columns are covered only by a unique {@code @Index}, is added at the end.
 * Either way it is the same named constraint.
 *
 * <p>Every foreign key is DEFERRABLE: INITIALLY DEFERRED when declared {@code deferred}, else
 * INITIALLY IMMEDIATE, so that {@code deferForeignKeys()} is {@code SET CONSTRAINTS ALL
 * DEFERRED} as SQLite's {@code PRAGMA defer_foreign_keys} is. PostgreSQL never defers a
 * RESTRICT action, which is its documented semantics
 * (https://www.postgresql.org/docs/14/sql-set-constraints.html).
 *
 * <p>CHECK expressions and defaults are copied as written (booleans and blob literals aside,
 * see {@link PostgresColumns#defaultValue}): they must be portable SQL to run on both engines.
 * In particular PostgreSQL folds unquoted names to lower case, so a CHECK must name a column as
 * its DDL does, quoted when it is not plain lower case.
 */
public final class PostgresDdl {
  private static final String DEFERRED = " DEFERRABLE INITIALLY DEFERRED";
  private static final String IMMEDIATE = " DEFERRABLE INITIALLY IMMEDIATE";

  private PostgresDdl() {}

  /** The statements for entities already in SQLite's creation order (see {@link TableOrder}). */
  public static List<String> statements(List<EntityModel> ordered) {
    Map<String, EntityModel> byTable = new HashMap<>();
    for (EntityModel e : ordered) {
      byTable.putIfAbsent(lower(e.table()), e);
    }
    List<String> tables = new ArrayList<>();
    List<String> indexes = new ArrayList<>();
    List<String> laterKeys = new ArrayList<>();
    Set<String> created = new HashSet<>();
    for (EntityModel e : ordered) {
      created.add(lower(e.table()));
      List<String> inline = new ArrayList<>();
      for (ForeignKeyModel fk : e.foreignKeys()) {
        EntityModel parent = byTable.get(lower(fk.parentTable()));
        if (created.contains(lower(fk.parentTable())) && keyedInline(parent, fk)) {
          inline.add(foreignKey(e, fk, parent));
        } else {
          laterKeys.add("ALTER TABLE " + quote(e.table()) + " ADD " + foreignKey(e, fk, parent));
        }
      }
      tables.add(createTable(e, inline));
      for (IndexModel index : e.indexes()) {
        indexes.add(createIndex(e, index));
      }
    }
    List<String> out = new ArrayList<>(tables);
    out.addAll(indexes);
    out.addAll(laterKeys);
    return out;
  }

  /** The tables' statements, then each view's (its PostgreSQL SELECT) in the order given. */
  public static List<String> statements(
      List<EntityModel> ordered, List<keystone.processor.model.ViewModel> views) {
    List<String> out = new ArrayList<>(statements(ordered));
    views.forEach(v -> out.add(createView(v.name(), v.postgresSql())));
    return out;
  }

  public static String createView(String name, String select) {
    return "CREATE VIEW " + quote(name) + " AS " + select;
  }

  private static String createTable(EntityModel entity, List<String> keys) {
    List<String> lines = new ArrayList<>();
    boolean singleKey = entity.primaryKey().size() == 1;
    for (ColumnModel column : entity.columns()) {
      lines.add(PostgresColumns.of(entity, column, singleKey).definition());
    }
    if (!singleKey && !entity.primaryKey().isEmpty()) {
      lines.add("PRIMARY KEY (" + quoteAll(spelt(entity, entity.primaryKey())) + ")");
    }
    for (String check : entity.checks()) {
      lines.add("CHECK (" + check + ")");
    }
    lines.addAll(keys);
    return createTable(entity.table(), lines);
  }

  /** CREATE TABLE with one column or constraint a line, so that diffs and errors read well. */
  public static String createTable(String table, List<String> lines) {
    return "CREATE TABLE " + quote(table) + " (\n  " + String.join(",\n  ", lines) + "\n)";
  }

  /** Whether the CREATE TABLE of the parent already makes its referenced columns unique. */
  private static boolean keyedInline(EntityModel parent, ForeignKeyModel fk) {
    if (parent == null) {
      return false;
    }
    // PostgreSQL matches the referenced columns to a unique index in any order.
    Set<String> referenced = lowerSet(fk.parentColumns());
    if (referenced.equals(lowerSet(parent.primaryKey()))) {
      return true;
    }
    return fk.parentColumns().size() == 1
        && parent.column(fk.parentColumns().get(0)).map(ColumnModel::unique).orElse(false);
  }

  private static String foreignKey(EntityModel child, ForeignKeyModel fk, EntityModel parent) {
    return foreignKey(fk.name(), spelt(child, fk.childColumns()),
        parent == null ? fk.parentTable() : parent.table(), spelt(parent, fk.parentColumns()),
        fk.onDelete().sql(), fk.onUpdate().sql(), fk.deferred());
  }

  /** A named foreign key, as a CREATE TABLE line or after ALTER TABLE ... ADD. */
  public static String foreignKey(
      String name, List<String> columns, String parentTable, List<String> parentColumns,
      String onDelete, String onUpdate, boolean deferred) {
    return "CONSTRAINT " + quote(name) + " FOREIGN KEY (" + quoteAll(columns) + ") REFERENCES "
        + quote(parentTable) + " (" + quoteAll(parentColumns) + ") ON DELETE " + onDelete
        + " ON UPDATE " + onUpdate + (deferred ? DEFERRED : IMMEDIATE);
  }

  private static String createIndex(EntityModel entity, IndexModel index) {
    return index.constraint()
        ? addUnique(index.name(), entity.table(), spelt(entity, index.columns()))
        : createIndex(index.name(), entity.table(), spelt(entity, index.columns()),
            index.unique());
  }

  /**
   * {@code @Index(constraint = true)}: a named UNIQUE constraint, as a schema made elsewhere has
   * it (PostgreSQL backs it with an index of the same name, which DROP INDEX cannot remove).
   */
  public static String addUnique(String name, String table, List<String> columns) {
    return "ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(name) + " UNIQUE ("
        + quoteAll(columns) + ")";
  }

  public static String createIndex(
      String name, String table, List<String> columns, boolean unique) {
    return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + quote(name) + " ON " + quote(table)
        + " (" + quoteAll(columns) + ")";
  }

  /**
   * Column names spelt as their table declares them. SQLite matches names without regard to
   * case, and so does the processor's validation; quoted names on PostgreSQL match exactly.
   */
  private static List<String> spelt(EntityModel table, List<String> names) {
    List<String> spelt = new ArrayList<>();
    for (String name : names) {
      spelt.add(table == null ? name : table.column(name).map(ColumnModel::name).orElse(name));
    }
    return spelt;
  }

  private static Set<String> lowerSet(List<String> names) {
    Set<String> out = new HashSet<>();
    for (String n : names) {
      out.add(lower(n));
    }
    return out;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
