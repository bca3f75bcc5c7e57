package keystone.cli.importer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

  private static final Set<TypeName> TIME_TYPES = Set.of(
      ClassName.get("java.time", "Instant"), ClassName.get("java.time", "LocalDateTime"),
      ClassName.get("java.time", "LocalTime"));

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
   * nullableKey} for a key column that SQLite declares without NOT NULL; {@code postgresDefault}
   * for a PostgreSQL default that SQLite cannot parse.
   */
  record ColumnPlan(Column column, String member, JavaType type, boolean unique, String dflt,
      String check, boolean nullableKey, String postgresDefault) {

    /** Whether the database writes a value when an insert leaves the column out. */
    boolean defaulted() {
      return dflt != null || postgresDefault != null;
    }
  }

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
      String carried = sqliteForm(schema.dialect(), check, true);
      if (carried != null) {
        checks.add(carried);
      } else {
        checkLeftOut("CHECK (" + check + ")");
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
    boolean itsForm = c.defaultValue() == null || sqliteWritesItsForm(dialect, type, c);
    String carried = alias || c.defaultValue() == null || !itsForm
        ? null : sqliteForm(dialect, c.defaultValue(), false);
    String dflt = carried == null ? null : defaultText(carried);
    // PostgreSQL's own default, as it prints it, when SQLite cannot parse it: the processor
    // builds the schema in SQLite only with defaultValue, and PostgreSQL's DDL declares this one.
    String postgresDefault = alias || c.defaultValue() == null || carried != null ? null
        : c.defaultValue();
    if (postgresDefault != null) {
      String why = itsForm ? " is PostgreSQL that SQLite cannot run (Keystone checks every"
          + " schema in SQLite at compile time)" : " would not write Keystone's stored form of "
          + ((ClassName) type.type()).simpleName() + " on SQLite";
      notes.add(new Note(table.name(), "DEFAULT " + postgresDefault + " on " + c.name() + why
          + "; written as @Column(postgresDefault), so on SQLite the column has no default",
          false));
    }
    String check = c.check() == null ? null : sqliteForm(dialect, c.check(), true);
    if (c.check() != null && check == null) {
      checkLeftOut("CHECK (" + c.check() + ") on " + c.name());
    }
    boolean unique = !(key && pk.size() == 1) && singleUnique(c.name());
    columns.add(new ColumnPlan(c, JavaNames.member(c.name()), type, unique, dflt, check,
        nullableKey, postgresDefault));
  }

  /**
   * Whether SQLite evaluating the default writes the form Keystone stores the Java type in there.
   * Not for PostgreSQL's time types: Keystone keeps an {@code Instant} as microseconds and a
   * {@code LocalDateTime} with six fraction digits, while SQLite's {@code CURRENT_TIMESTAMP}, or
   * a literal PostgreSQL printed, is other text; such a default is PostgreSQL's only.
   */
  private static boolean sqliteWritesItsForm(Dialect dialect, JavaType type, Column c) {
    return dialect != Dialect.POSTGRES || c.defaultValue().trim().equalsIgnoreCase("NULL")
        || !TIME_TYPES.contains(type.type());
  }

  /** A default as the processor must write it: literals as they are, expressions in (...). */
  private static String defaultText(String value) {
    String v = value.trim();
    return LITERAL.matcher(v).matches() || v.startsWith("(") ? v : "(" + v + ")";
  }

  /** CHECKs are not compared on open, so one left out differs in nothing the engine sees. */
  private void checkLeftOut(String what) {
    notes.add(new Note(table.name(), what + " is PostgreSQL that SQLite cannot run (Keystone"
        + " checks every schema in SQLite at compile time); it is left out", false));
  }

  /**
   * A PostgreSQL expression as SQLite must read it: {@code 'x'::text} becomes {@code 'x'},
   * {@code a = ANY (ARRAY[1, 2])} (how PostgreSQL prints {@code IN}) becomes {@code a IN (1, 2)};
   * null when SQLite still cannot parse it (the caller says what becomes of it).
   */
  private String sqliteForm(Dialect dialect, String sql, boolean check) {
    if (dialect != Dialect.POSTGRES) {
      return sql;
    }
    String s = CAST_LITERAL.matcher(sql).replaceAll("$1$2");
    s = ANY_ARRAY.matcher(s).replaceAll("$1 IN ($2)");
    boolean accepted = check
        ? SqliteProbe.acceptsCheck(table.columns().stream().map(Column::name).toList(), s)
        : SqliteProbe.acceptsDefault(defaultText(s));
    return accepted ? s : null;
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
