package keystone.cli.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import keystone.cli.schema.SourceSchema;
import keystone.cli.schema.SourceSchema.Column;
import keystone.cli.schema.SourceSchema.Dialect;
import keystone.cli.schema.SourceSchema.Index;
import keystone.cli.schema.SourceSchema.Key;
import keystone.cli.schema.SourceSchema.Table;
import keystone.engine.sqlite.schema.SchemaShapes;

/** One table turned into what the writers need: Java names and types, and what is left out. */
final class TablePlan {
  private static final Pattern LITERAL = Pattern.compile(
      "(?i)-?[0-9.]+(e-?[0-9]+)?|'([^']|'')*'|null|true|false|current_(time|date|timestamp)"
          + "|x'[0-9a-f]*'");
  /** {@code 'x'::text}, {@code (0)::numeric}: a literal PostgreSQL cast for its own sake. */
  private static final String LITERAL_VALUE = "('(?:[^']|'')*'|-?[0-9.]+)";
  private static final Pattern CAST_LITERAL = Pattern.compile(
      "(?:\\(" + LITERAL_VALUE + "\\)|" + LITERAL_VALUE + ")::[a-z ]+(\\([0-9, ]+\\))?");

  private static final Pattern ANY_ARRAY =
      Pattern.compile("(\\(?[\\w.\"]+\\)?) = ANY \\(ARRAY\\[(.*?)\\]\\)");

  final Table table;
  final String className;
  final List<ColumnPlan> columns = new ArrayList<>();
  final List<Key> keys = new ArrayList<>();
  final List<Index> indexes = new ArrayList<>();
  final List<String> checks = new ArrayList<>();
  final List<Note> notes = new ArrayList<>();
  final List<String> mappings = new ArrayList<>();
  final boolean autoGenerate;
  final boolean rowid;

  private final Values values;

  /**
   * A column: Java name and type, and the annotation values that reproduce it; {@code
   * nullableKey} for a key column that SQLite declares without NOT NULL.
   */
  record ColumnPlan(Column column, String member, JavaType type, boolean unique, String dflt,
      String check, boolean nullableKey) {}

  TablePlan(SourceSchema schema, Table table, Values values) {
    this.table = table;
    this.values = values;
    this.className = JavaNames.type(table.name());
    this.rowid = !table.notes().contains("WITHOUT ROWID");
    for (String n : table.notes()) {
      notes.add(new Note(table.name(), n + " is not expressible; Keystone creates an ordinary"
          + " rowid table", false));
    }
    List<String> pk = table.primaryKey();
    this.autoGenerate = pk.size() == 1 && identity(schema.dialect(), table.column(pk.get(0))
        .orElseThrow());
    for (Column c : table.columns()) {
      column(schema.dialect(), c, pk);
    }
    for (Key k : table.keys()) {
      key(schema, k);
    }
    for (Index i : table.indexes()) {
      index(i);
    }
    for (String check : table.checks()) {
      String carried = expression(schema.dialect(), check, "CHECK (" + check + ")", true);
      if (carried != null) {
        checks.add(carried);
      }
    }
  }

  /** An INTEGER PRIMARY KEY rowid alias, or a PostgreSQL serial/identity key. */
  private boolean identity(Dialect dialect, Column c) {
    if (dialect == Dialect.SQLITE) {
      return rowid && c.type().equalsIgnoreCase("INTEGER") && !c.notNull();
    }
    return c.type().matches("(?i)(big|small)?int(eger)?") && (c.defaultValue() != null
        && c.defaultValue().startsWith("nextval(")
        || table.notes().contains("GENERATED AS IDENTITY on " + c.name()));
  }

  private void column(Dialect dialect, Column c, List<String> pk) {
    if (c.generated() != null) {
      notes.add(new Note(table.name(), "generated column " + c.name() + " AS (" + c.generated()
          + ") is not expressible and is left out of the entity", false));
      return;
    }
    boolean key = pk.stream().anyMatch(p -> p.equalsIgnoreCase(c.name()));
    boolean alias = key && autoGenerate;
    boolean nullable = !key && !c.notNull();
    JavaType type = JavaType.of(table.name(), c, nullable, alias, dialect, values);
    if (type.note() != null) {
      notes.add(new Note(table.name(), c.name() + ": " + type.note(), true));
    }
    if (type.mapping() != null) {
      mappings.add(type.mapping());
    }
    // SQLite lets NULL into a key column not declared NOT NULL, except a lone INTEGER-affinity
    // key, which the engine reads as the rowid alias either way
    // (https://www.sqlite.org/lang_createtable.html#the_primary_key).
    boolean rowidLike = pk.size() == 1 && SchemaShapes.affinity(c.type()).equals("INTEGER");
    boolean nullableKey = dialect == Dialect.SQLITE && key && !alias && !c.notNull()
        && !rowidLike;
    if (c.collation() != null) {
      notes.add(new Note(table.name(), c.name() + ": COLLATE " + c.collation()
          + " is not expressible; Keystone uses the default collation", false));
    }
    String carried = alias || c.defaultValue() == null ? null
        : expression(dialect, c.defaultValue(), "DEFAULT " + c.defaultValue(), false);
    String dflt = carried == null ? null : defaultText(carried);
    String check = c.check() == null ? null
        : expression(dialect, c.check(), "CHECK (" + c.check() + ") on " + c.name(), true);
    boolean unique = !(key && pk.size() == 1) && singleUnique(c.name());
    columns.add(new ColumnPlan(c, JavaNames.member(c.name()), type, unique, dflt, check,
        nullableKey));
  }

  /** A default as the processor must write it: literals as they are, expressions in (...). */
  private static String defaultText(String value) {
    String v = value.trim();
    return LITERAL.matcher(v).matches() || v.startsWith("(") ? v : "(" + v + ")";
  }

  /**
   * A PostgreSQL expression as SQLite must read it: {@code 'x'::text} becomes {@code 'x'},
   * {@code a = ANY (ARRAY[1, 2])} (how PostgreSQL prints {@code IN}) becomes {@code a IN (1, 2)};
   * what SQLite still cannot parse is listed and left out.
   */
  private String expression(Dialect dialect, String sql, String what, boolean check) {
    if (dialect != Dialect.POSTGRES) {
      return sql;
    }
    String s = CAST_LITERAL.matcher(sql).replaceAll("$1$2");
    s = ANY_ARRAY.matcher(s).replaceAll("$1 IN ($2)");
    boolean accepted = check
        ? SqliteProbe.acceptsCheck(table.columns().stream().map(Column::name).toList(), s)
        : SqliteProbe.acceptsDefault(defaultText(s));
    if (accepted) {
      return s;
    }
    // Opening compares defaults, not CHECKs: a default left out is a structural difference.
    notes.add(new Note(table.name(), what + " is PostgreSQL that SQLite cannot run (Keystone"
        + " checks every schema in SQLite at compile time); it is left out", !check));
    return null;
  }

  private boolean singleUnique(String column) {
    return table.indexes().stream().anyMatch(i -> i.constraint() && i.unique() && !i.primaryKey()
        && i.columns().size() == 1 && i.columns().get(0).equalsIgnoreCase(column));
  }

  private void key(SourceSchema schema, Key k) {
    if (schema.table(k.parent()).isEmpty() || k.parentColumns().size() != k.columns().size()) {
      notes.add(new Note(table.name(), "foreign key " + k.label() + " refers to no usable parent"
          + " (see keystone doctor) and is left out", true));
      return;
    }
    if (k.deferrable() && !k.initiallyDeferred()) {
      notes.add(new Note(table.name(), k.name() + " is DEFERRABLE INITIALLY IMMEDIATE;"
          + " Keystone keys are immediate or DEFERRABLE INITIALLY DEFERRED: written immediate",
          false));
    }
    keys.add(k);
  }

  private void index(Index i) {
    if (i.primaryKey() || i.constraint() && i.unique() && i.columns().size() == 1) {
      return;
    }
    if (i.where() != null || i.expression()) {
      notes.add(new Note(table.name(), (i.where() != null ? "partial index " : "expression index ")
          + i.name() + (i.where() != null ? " WHERE " + i.where() : "") + " is not expressible;"
          + " it stays in the original file but Keystone will not create it", false));
      return;
    }
    // A UNIQUE (a, b) table constraint: @Index(constraint = true) writes it as one.
    indexes.add(i);
  }

  String indexName(Index i) {
    return i.constraint() ? constraintIndexName(i) : i.name();
  }

  private String constraintIndexName(Index i) {
    return i.name().toLowerCase(Locale.ROOT).startsWith("sqlite_")
        ? "ux_" + table.name() + "_" + String.join("_", i.columns()) : i.name();
  }
}
