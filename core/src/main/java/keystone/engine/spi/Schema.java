package keystone.engine.spi;

import java.util.List;

/**
 * A compiled database schema, generated as a constant {@code SCHEMA} in {@code <Database>_Impl}.
 *
 * @param version the {@code @Database} version, kept in {@code PRAGMA user_version}
 * @param statements DDL in creation order: tables parents first, then indexes
 * @param tables every table with its columns and primary key
 * @param foreignKeys every foreign key, by constraint name
 * @param postgresStatements the same schema in PostgreSQL's DDL; empty when not generated
 * @param views every {@code @DatabaseView}: its name, its columns, and its class's binary name
 *     (no primary key); their CREATE VIEW statements end {@code statements}
 */
public record Schema(
    int version,
    List<String> statements,
    List<TableInfo> tables,
    List<ForeignKeyInfo> foreignKeys,
    List<String> postgresStatements,
    List<TableInfo> views) {

  public Schema {
    views = List.copyOf(views);
    statements = List.copyOf(statements);
    tables = List.copyOf(tables);
    foreignKeys = typed(foreignKeys, tables);
    postgresStatements = List.copyOf(postgresStatements);
  }

  /** A schema without views. */
  public Schema(
      int version, List<String> statements, List<TableInfo> tables,
      List<ForeignKeyInfo> foreignKeys, List<String> postgresStatements) {
    this(version, statements, tables, foreignKeys, postgresStatements, List.of());
  }

  /** A schema for SQLite only. */
  public Schema(
      int version, List<String> statements, List<TableInfo> tables, List<ForeignKeyInfo> foreignKeys) {
    this(version, statements, tables, foreignKeys, List.of());
  }

  /** The keys with their columns' Java types, read from the child tables, where known. */
  private static List<ForeignKeyInfo> typed(List<ForeignKeyInfo> keys, List<TableInfo> tables) {
    ForeignKeyInfo[] typed = new ForeignKeyInfo[keys.size()];
    for (int i = 0; i < typed.length; i++) {
      ForeignKeyInfo key = keys.get(i);
      TableInfo child = find(tables, key.childTable());
      List<ValueType> types = child == null ? List.of() : child.typesOf(key.childColumns());
      typed[i] = key.keyTypes().isEmpty() && !types.isEmpty() ? key.withKeyTypes(types) : key;
    }
    return List.of(typed);
  }

  /** The table called {@code name}, or null. */
  public TableInfo table(String name) {
    return find(tables, name);
  }

  private static TableInfo find(List<TableInfo> tables, String name) {
    for (TableInfo table : tables) {
      if (table.name().equalsIgnoreCase(name)) {
        return table;
      }
    }
    return null;
  }

  /** The table the entity class is mapped to, or null. */
  public TableInfo tableOf(Class<?> entity) {
    for (TableInfo table : tables) {
      if (entity.getName().equals(table.entity())) {
        return table;
      }
    }
    return null;
  }
}
