package keystone.cli.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An existing database's schema as the two commands need it: tables with their columns, keys,
 * indexes and checks, and what lies outside Keystone's model (triggers, views, virtual tables).
 */
public record SourceSchema(Dialect dialect, List<Table> tables, List<Outside> outside) {

  public SourceSchema {
    tables = List.copyOf(tables);
    outside = List.copyOf(outside);
  }

  /**
   * A schema object that is no table: its kind ("trigger", "view", "materialized view", "virtual
   * table"), name and SQL; a view also has its columns. From SQLite the SQL is the CREATE VIEW
   * statement and a column's {@code type} the declared one, or for an expression the storage
   * class its values have (TEXT when there are none); from PostgreSQL the SQL is the SELECT as
   * pg_get_viewdef prints it and the type as format_type prints it.
   */
  public record Outside(String kind, String name, String sql, List<Column> columns) {
    public Outside {
      columns = List.copyOf(columns);
    }

    public Outside(String kind, String name, String sql) {
      this(kind, name, sql, List.of());
    }
  }

  public Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }

  /** Every foreign key of every table, in table order. */
  public List<Key> keys() {
    return tables.stream().flatMap(t -> t.keys().stream()).toList();
  }

  /** Where the schema came from: decides type comparison and SQL spelling. */
  public enum Dialect {
    SQLITE,
    POSTGRES;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A table. {@code checks} are table-level CHECK expressions; {@code notes} are properties that
   * have no annotation (WITHOUT ROWID, AUTOINCREMENT), said in words.
   */
  public record Table(
      String name,
      List<Column> columns,
      List<Key> keys,
      List<Index> indexes,
      List<String> checks,
      List<String> notes) {

    public Table {
      columns = List.copyOf(columns);
      keys = List.copyOf(keys);
      indexes = List.copyOf(indexes);
      checks = List.copyOf(checks);
      notes = List.copyOf(notes);
    }

    public Optional<Column> column(String name) {
      return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The primary key, then those of {@code columns} not in it: enough to show a row by. */
    public List<String> primaryKeyAnd(List<String> columns) {
      List<String> shown = new java.util.ArrayList<>(primaryKey());
      columns.stream().filter(c -> shown.stream().noneMatch(c::equalsIgnoreCase))
          .forEach(shown::add);
      return shown;
    }

    /** Primary-key columns in key order. */
    public List<String> primaryKey() {
      return columns.stream()
          .filter(c -> c.keyPosition() > 0)
          .sorted((a, b) -> Integer.compare(a.keyPosition(), b.keyPosition()))
          .map(Column::name)
          .toList();
    }
  }

  /**
   * A column. {@code type} as declared; {@code defaultValue} as written in the DDL (null: none);
   * {@code check} a column CHECK; {@code generated} the expression of a generated column.
   */
  public record Column(
      String name,
      String type,
      boolean notNull,
      String defaultValue,
      int keyPosition,
      String check,
      String generated,
      String collation) {}

  /**
   * A foreign key. Actions in SQL spelling ({@code SET NULL}); {@code validated} is false for a
   * PostgreSQL key added {@code NOT VALID}, whose old rows were never checked; {@code enforced}
   * is false when PostgreSQL's triggers for the key are disabled ({@code DISABLE TRIGGER ALL}).
   * SQLite's switch is per connection and never stored, so a file's keys read as enforced.
   */
  public record Key(
      String name,
      String table,
      List<String> columns,
      String parent,
      List<String> parentColumns,
      String onDelete,
      String onUpdate,
      boolean deferrable,
      boolean initiallyDeferred,
      boolean validated,
      boolean enforced) {

    public Key {
      columns = List.copyOf(columns);
      parentColumns = List.copyOf(parentColumns);
    }

    /** How a person reads the key: {@code orders(user_id) -> users(id)}. */
    public String label() {
      return table + "(" + String.join(", ", columns) + ") -> " + parent + "("
          + String.join(", ", parentColumns) + ")";
    }
  }

  /**
   * An index. {@code constraint} marks one made by a PRIMARY KEY or UNIQUE constraint rather
   * than CREATE INDEX; {@code where} is a partial index's predicate; {@code expression} marks an
   * index on expressions rather than columns.
   */
  public record Index(
      String name,
      List<String> columns,
      boolean unique,
      boolean constraint,
      boolean primaryKey,
      String where,
      boolean expression) {

    public Index {
      columns = List.copyOf(columns);
    }
  }
}
