package keystone.processor.sql;

import static keystone.processor.sql.SqlNames.quote;
import static keystone.processor.sql.SqlNames.quoteAll;

import java.util.ArrayList;
import java.util.List;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ForeignKeyModel;
import keystone.processor.model.IndexModel;

/** SQLite DDL for a set of entities, one column per line so that diffs and errors read well. */
public final class Ddl {
  private static final String DEFERRED = " DEFERRABLE INITIALLY DEFERRED";

  private Ddl() {}

  /** Tables in the given order (use {@link TableOrder#parentsFirst}), then their indexes. */
  public static List<String> statements(List<EntityModel> ordered) {
    List<String> out = new ArrayList<>();
    for (EntityModel entity : ordered) {
      out.add(createTable(entity));
    }
    for (EntityModel entity : ordered) {
      for (IndexModel index : entity.indexes()) {
        if (!index.constraint()) {
          out.add(createIndex(entity, index));
        }
      }
    }
    return out;
  }

  /** The tables' statements, then each view's in the order given. */
  public static List<String> statements(
      List<EntityModel> ordered, List<keystone.processor.model.ViewModel> views) {
    List<String> out = new ArrayList<>(statements(ordered));
    views.forEach(v -> out.add(createView(v.name(), v.sql())));
    return out;
  }

  /**
   * A view's DDL as SQLite runs it, its SELECT kept as written: SQLite stores the text, and the
   * engine compares a file's view with the compiled one by it (whitespace aside).
   */
  public static String createView(String name, String select) {
    return "CREATE VIEW " + quote(name) + " AS " + select;
  }

  public static String createTable(EntityModel entity) {
    List<String> lines = new ArrayList<>();
    boolean singleKey = entity.primaryKey().size() == 1;
    for (ColumnModel column : entity.columns()) {
      lines.add(columnDefinition(entity, column, singleKey));
    }
    if (!singleKey && !entity.primaryKey().isEmpty()) {
      lines.add("PRIMARY KEY (" + quoteAll(entity.primaryKey()) + ")");
    }
    for (String check : entity.checks()) {
      lines.add("CHECK (" + check + ")");
    }
    for (IndexModel index : entity.indexes()) {
      if (index.constraint()) {
        lines.add(uniqueConstraint(index.columns()));
      }
    }
    for (ForeignKeyModel fk : entity.foreignKeys()) {
      lines.add(foreignKey(fk));
    }
    return "CREATE TABLE " + quote(entity.table()) + " (\n  " + String.join(",\n  ", lines) + "\n)";
  }

  /**
   * {@code @Index(constraint = true)}: SQLite keeps it as an automatic index with a name of its
   * own (https://www.sqlite.org/fileformat2.html#intschema), so no CONSTRAINT name is written.
   */
  public static String uniqueConstraint(List<String> columns) {
    return "UNIQUE (" + quoteAll(columns) + ")";
  }

  /** Whether the column is the rowid alias: https://www.sqlite.org/lang_createtable.html#rowid */
  public static boolean rowidAlias(EntityModel entity, ColumnModel c) {
    return entity.autoGenerate() && entity.primaryKey().size() == 1 && entity.isPrimaryKey(c);
  }

  /**
   * Whether the DDL says NOT NULL, as {@code PRAGMA table_info} will report it: the rowid alias
   * cannot hold NULL but is declared without the clause (NULL there asks for a new rowid); a
   * key column with {@code @Column(nullableKey = true)} is declared without it too.
   */
  public static boolean declaredNotNull(EntityModel entity, ColumnModel c) {
    if (rowidAlias(entity, c)) {
      return false;
    }
    return entity.isPrimaryKey(c) ? !c.nullableKey() : !c.nullable();
  }

  private static String columnDefinition(EntityModel entity, ColumnModel c, boolean singleKey) {
    return columnDefinition(c.name(), c.stored().sqlite(), declaredNotNull(entity, c),
        entity.isPrimaryKey(c) && singleKey, c.defaultValue(), c.unique(), c.check());
  }

  /**
   * A column as SQLite's CREATE TABLE and ADD COLUMN write it, from the compiled model or from an
   * exported version alike, so that both spell it the same.
   */
  public static String columnDefinition(String name, String type, boolean notNull,
      boolean primaryKey, String defaultValue, boolean unique, String check) {
    StringBuilder sql = new StringBuilder(quote(name)).append(' ').append(type);
    if (notNull) {
      sql.append(" NOT NULL");
    }
    if (primaryKey) {
      sql.append(" PRIMARY KEY");
    }
    if (defaultValue != null) {
      sql.append(" DEFAULT ").append(defaultValue);
    }
    if (unique) {
      sql.append(" UNIQUE");
    }
    if (check != null) {
      sql.append(" CHECK (").append(check).append(')');
    }
    return sql.toString();
  }

  private static String foreignKey(ForeignKeyModel fk) {
    return "CONSTRAINT "
        + quote(fk.name())
        + " FOREIGN KEY ("
        + quoteAll(fk.childColumns())
        + ") REFERENCES "
        + quote(fk.parentTable())
        + " ("
        + quoteAll(fk.parentColumns())
        + ") ON DELETE "
        + fk.onDelete().sql()
        + " ON UPDATE "
        + fk.onUpdate().sql()
        + (fk.deferred() ? DEFERRED : "");
  }

  public static String createIndex(EntityModel entity, IndexModel index) {
    return "CREATE "
        + (index.unique() ? "UNIQUE " : "")
        + "INDEX "
        + quote(index.name())
        + " ON "
        + quote(entity.table())
        + " ("
        + quoteAll(index.columns())
        + ")";
  }
}
