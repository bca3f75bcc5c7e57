package keystone.processor.migration;

import static keystone.processor.sql.PostgresNames.quoteAll;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import keystone.processor.migration.SchemaVersion.Column;
import keystone.processor.migration.SchemaVersion.Index;
import keystone.processor.migration.SchemaVersion.Key;
import keystone.processor.migration.SchemaVersion.Table;
import keystone.processor.sql.PostgresColumn;
import keystone.processor.sql.PostgresDdl;
import keystone.processor.sql.PostgresNames;

/**
 * PostgreSQL DDL for tables of a {@link SchemaVersion}, in the very form
 * {@link PostgresDdl} gives the entities (a test holds the two together), for the tables a
 * migration creates and the keys it adds.
 */
final class PostgresTableDdl {
  private PostgresTableDdl() {}

  /** CREATE TABLE, CREATE INDEX and the keys added after all tables, as three runs. */
  record Statements(List<String> tables, List<String> indexes, List<String> laterKeys) {}

  /**
   * The DDL of {@code created}, parents first, as {@link PostgresDdl#statements} orders it: a key
   * stays inline when its parent exists by then (in {@code existing} or created before it) and
   * its CREATE TABLE already makes the parent columns unique; the others are added at the end.
   *
   * @param tables every table of the new version by name
   */
  static Statements create(
      List<Table> created, Set<String> existing, Function<String, Table> tables) {
    Set<String> there = new HashSet<>();
    existing.forEach(t -> there.add(SchemaVersion.lower(t)));
    Statements out = new Statements(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (Table t : created) {
      there.add(SchemaVersion.lower(t.name()));
      List<Key> inline = new ArrayList<>();
      for (Key k : t.foreignKeys()) {
        Table parent = tables.apply(k.parentTable());
        if (there.contains(SchemaVersion.lower(k.parentTable())) && keyedInline(parent, k)) {
          inline.add(k);
        } else {
          out.laterKeys().add(addForeignKey(t, k, parent));
        }
      }
      out.tables().add(createTable(t, inline, tables));
      t.indexes().forEach(i -> out.indexes().add(createIndex(t, i)));
    }
    return out;
  }

  /** The table with {@code keys} declared inline. */
  static String createTable(Table table, List<Key> keys, Function<String, Table> tables) {
    List<String> lines = new ArrayList<>();
    for (Column c : table.columns()) {
      lines.add(column(table, c).definition());
    }
    if (table.primaryKey().size() > 1) {
      lines.add("PRIMARY KEY (" + quoteAll(spelt(table, table.primaryKey())) + ")");
    }
    for (String check : table.checks()) {
      lines.add("CHECK (" + check + ")");
    }
    for (Key k : keys) {
      lines.add(foreignKey(table, k, tables.apply(k.parentTable())));
    }
    return PostgresDdl.createTable(table.name(), lines);
  }

  static PostgresColumn column(Table table, Column c) {
    boolean singleKey = table.primaryKey().size() == 1;
    return new PostgresColumn(c.name(), type(c), TableChange.rowid(table, c),
        c.notNull() || c.keyPosition() > 0, singleKey && c.keyPosition() > 0, c.defaultValue(),
        c.postgresDefault(), c.unique(), c.check());
  }

  /**
   * The column's PostgreSQL type; for an export written before types were recorded, the widest
   * one its SQLite affinity allows, as a Java {@code long} or {@code double} would give.
   */
  static String type(Column c) {
    if (c.postgresType() != null) {
      return c.postgresType();
    }
    return switch (c.type()) {
      case "INTEGER" -> "BIGINT";
      case "REAL" -> "DOUBLE PRECISION";
      case "BLOB" -> "BYTEA";
      default -> "TEXT";
    };
  }

  static String addForeignKey(Table child, Key key, Table parent) {
    return "ALTER TABLE " + PostgresNames.quote(child.name()) + " ADD "
        + foreignKey(child, key, parent);
  }

  static String foreignKey(Table child, Key key, Table parent) {
    return PostgresDdl.foreignKey(key.name(), spelt(child, key.columns()),
        parent == null ? key.parentTable() : parent.name(),
        parent == null ? key.parentColumns() : spelt(parent, key.parentColumns()),
        key.onDelete(), key.onUpdate(), key.deferred());
  }

  static String createIndex(Table table, Index index) {
    return index.constraint()
        ? PostgresDdl.addUnique(index.name(), table.name(), spelt(table, index.columns()))
        : PostgresDdl.createIndex(index.name(), table.name(), spelt(table, index.columns()),
            index.unique());
  }

  /**
   * Whether the parent's CREATE TABLE makes the referenced columns unique (its primary key, in
   * any order, or one UNIQUE column), which PostgreSQL needs before the key is declared.
   */
  static boolean keyedInline(Table parent, Key key) {
    if (parent == null) {
      return false;
    }
    if (lowerSet(key.parentColumns()).equals(lowerSet(parent.primaryKey()))) {
      return true;
    }
    return key.parentColumns().size() == 1
        && parent.column(key.parentColumns().get(0)).map(Column::unique).orElse(false);
  }

  /** Names spelt as the table declares them: quoted names on PostgreSQL match exactly. */
  static List<String> spelt(Table table, List<String> names) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      out.add(table.column(name).map(Column::name).orElse(name));
    }
    return out;
  }

  private static Set<String> lowerSet(List<String> names) {
    Set<String> out = new HashSet<>();
    names.forEach(n -> out.add(SchemaVersion.lower(n)));
    return out;
  }
}
