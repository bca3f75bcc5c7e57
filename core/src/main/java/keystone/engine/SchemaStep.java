package keystone.engine;

import java.util.List;
import java.util.Map;

/**
 * One change in a {@link Migration#schema} migration.
 *
 * <ul>
 *   <li>{@link #sql}: DDL SQLite can apply in place (CREATE TABLE, ADD COLUMN, CREATE INDEX, ...).
 *   <li>{@link #rebuild}: a table replaced by a new definition, its rows copied over, by SQLite's
 *       12-step procedure: {@code _new_X} is created and filled, {@code X} dropped and
 *       {@code _new_X} renamed to {@code X} (never the old one renamed away, which would make
 *       SQLite re-point the children's references at it), indexes recreated, then every key
 *       checked before the commit. The PostgreSQL engine refuses it: there tables change in place
 *       by {@link #sql} ALTER TABLE steps, which {@code @AutoMigration} writes as
 *       {@code POSTGRES_MIGRATIONS}.
 *   <li>{@link #addForeignKey}: a key added to a filled table, a rebuild on SQLite and
 *       {@code NOT VALID} then {@code VALIDATE} on PostgreSQL.
 * </ul>
 */
public sealed interface SchemaStep {

  /** DDL applied as written. */
  static SchemaStep sql(String ddl) {
    return new Sql(ddl);
  }

  /**
   * Rebuild {@code table} from {@code createTable} (its CREATE TABLE, under the table's own name),
   * copying every column the old and new tables share, then run {@code indexes}.
   */
  static SchemaStep rebuild(String table, String createTable, String... indexes) {
    return new Rebuild(table, createTable, Map.of(), List.of(indexes));
  }

  /**
   * Adds the foreign key {@code constraint}, declared in {@code createTable} (the table's new
   * CREATE TABLE), to an existing, filled table. SQLite rebuilds the table; PostgreSQL adds the
   * key {@code NOT VALID} in one transaction, which holds its table lock only for a moment, and
   * then validates the existing rows in another (seed 003's recipe); orphans fail the migration,
   * the key is dropped again and the database stays at the old version.
   */
  static SchemaStep addForeignKey(
      String table, String constraint, String createTable, String... indexes) {
    return new AddForeignKey(table, constraint, createTable, List.of(indexes));
  }

  /** DDL applied as written. */
  record Sql(String ddl) implements SchemaStep {}

  /**
   * A foreign key added to an existing table.
   *
   * @param table the child table
   * @param constraint the key's name, as declared in {@code createTable}
   * @param createTable the table's CREATE TABLE with the key
   * @param indexes CREATE INDEX statements to run with it (the key's child index)
   */
  record AddForeignKey(String table, String constraint, String createTable, List<String> indexes)
      implements SchemaStep {
    public AddForeignKey {
      indexes = List.copyOf(indexes);
    }

    /** The same change as SQLite makes it: a rebuild. */
    public Rebuild asRebuild() {
      return new Rebuild(table, createTable, Map.of(), indexes);
    }
  }

  /**
   * A table rebuild.
   *
   * @param table the table
   * @param createTable its new CREATE TABLE statement, naming the table {@code table}
   * @param columnSources new column -> SQL expression over the old table's columns, for columns
   *     renamed or computed; columns of the same name are copied without being listed
   * @param indexes CREATE INDEX (and CREATE TRIGGER) statements to run after the rename
   */
  record Rebuild(
      String table, String createTable, Map<String, String> columnSources, List<String> indexes)
      implements SchemaStep {
    public Rebuild {
      columnSources = Map.copyOf(columnSources);
      indexes = List.copyOf(indexes);
    }
  }
}
