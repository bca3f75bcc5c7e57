package keystone.processor.validation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.model.Affinity;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.EntityModel;
import keystone.processor.model.IndexModel;
import keystone.processor.types.BuiltIn;

/**
 * The attributes that describe a schema Keystone did not make: {@code @Column(sqliteType)},
 * {@code @Column(postgresType)}, {@code @Column(postgresDefault)} ({@link PostgresDefaults}),
 * {@code @Column(nullableKey)} and {@code @Index(constraint)}. Each may spell the DDL otherwise,
 * never change what a value becomes once stored.
 */
final class DeclaredTypes {
  /** SQLite's type-name: names, then an optional (n) or (n, m) (lang_createtable.html). */
  private static final Pattern TYPE_NAME = Pattern.compile(
      "[A-Za-z_][A-Za-z0-9_]*( [A-Za-z_][A-Za-z0-9_]*)*"
          + "( ?\\( ?[+-]?[0-9]+ ?(, ?[+-]?[0-9]+ ?)?\\))?");
  /** Words that would end the type and begin a constraint in a column definition. */
  private static final Set<String> CONSTRAINT_WORDS = Set.of("CONSTRAINT", "PRIMARY", "NOT",
      "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS");
  /** Value types whose stored text never reads as a number, so no affinity converts it. */
  private static final Set<BuiltIn> NEVER_NUMERIC_TEXT = Set.of(BuiltIn.LOCAL_DATE,
      BuiltIn.LOCAL_DATE_TIME, BuiltIn.LOCAL_TIME, BuiltIn.UUID, BuiltIn.ENUM);

  private static final String N = "\\([0-9]+\\)";
  private static final Accepts INTEGERS = new Accepts(
      "bigint|int8|integer|int4|int|smallint|int2", "bigint, integer or smallint");
  private static final Accepts FLOATS = new Accepts(
      "double precision|float8|real|float4", "double precision or real");

  /** Declared PostgreSQL types that store a Java type's values alike: a pattern and in words. */
  private record Accepts(String pattern, String words) {}

  /**
   * Per type Keystone declares on PostgreSQL, the declared types that store its values alike;
   * a time type keeps microseconds, so only precision 6 or none.
   */
  private static final Map<String, Accepts> POSTGRES_TYPES = Map.ofEntries(
      Map.entry("BIGINT", INTEGERS),
      Map.entry("INTEGER", INTEGERS),
      Map.entry("DOUBLE PRECISION", FLOATS),
      Map.entry("REAL", FLOATS),
      Map.entry("TEXT", new Accepts("text|varchar(" + N + ")?|character varying(" + N + ")?",
          "text or varchar(n)")),
      Map.entry("NUMERIC", new Accepts("(numeric|decimal)(\\([0-9]+(, ?[0-9]+)?\\))?",
          "numeric or numeric(p, s)")),
      Map.entry("BOOLEAN", new Accepts("boolean|bool", "boolean")),
      Map.entry("BYTEA", new Accepts("bytea", "bytea")),
      Map.entry("TIMESTAMPTZ", new Accepts(
          "timestamptz(\\(6\\))?|timestamp(\\(6\\))? with time zone", "timestamptz")),
      Map.entry("TIMESTAMP", new Accepts("timestamp(\\(6\\))?( without time zone)?",
          "timestamp")),
      Map.entry("TIME", new Accepts("time(\\(6\\))?( without time zone)?", "time")),
      Map.entry("DATE", new Accepts("date", "date")),
      Map.entry("INTERVAL", new Accepts("interval", "interval")),
      Map.entry("UUID", new Accepts("uuid", "uuid")));

  private DeclaredTypes() {}

  static void validate(EntityModel e, Report report) {
    for (ColumnModel c : e.columns()) {
      if (c.sqliteType() != null) {
        sqliteType(e, c, report);
      }
      if (c.postgresType() != null) {
        postgresType(e, c, report);
      }
      if (c.postgresDefault() != null) {
        PostgresDefaults.validate(e, c, report);
      }
      if (c.nullableKey()) {
        nullableKey(e, c, report);
      }
    }
    for (IndexModel i : e.indexes()) {
      if (i.constraint() && !i.unique()) {
        report.add(i.source(), Message.INDEX_CONSTRAINT_NOT_UNIQUE, e.table(),
            String.join(", ", i.columns()));
      }
    }
  }

  private static void sqliteType(EntityModel e, ColumnModel c, Report report) {
    String type = c.sqliteType().replaceAll("\\s+", " ");
    boolean words = List.of(type.toUpperCase(Locale.ROOT).split("[ (]")).stream()
        .noneMatch(CONSTRAINT_WORDS::contains);
    if (!TYPE_NAME.matcher(type).matches() || !words) {
      report.add(c.source().attribute("sqliteType"), Message.COLUMN_SQLITE_TYPE_INVALID,
          c.sqliteType(), e.table(), c.name());
      return;
    }
    String declared = affinity(type);
    Affinity stored = c.affinity();
    boolean keeps = switch (stored) {
      case INTEGER -> Set.of("INTEGER", "NUMERIC", "BLOB").contains(declared);
      case REAL -> !declared.equals("TEXT");
      case BLOB -> true;
      case TEXT -> declared.equals("TEXT") || declared.equals("BLOB")
          || NEVER_NUMERIC_TEXT.contains(c.value().adapter().builtIn())
          || c.value().adapter().builtIn() == BuiltIn.STRING;
    };
    if (!keeps) {
      report.add(c.source().attribute("sqliteType"), Message.COLUMN_SQLITE_TYPE_AFFINITY,
          c.sqliteType(), e.table(), c.name(), declared, stored, c.value().type(), stored);
    } else if (stored == Affinity.TEXT && !declared.equals("TEXT") && !declared.equals("BLOB")
        && c.value().adapter().builtIn() == BuiltIn.STRING) {
      report.add(c.source().attribute("sqliteType"), Message.COLUMN_SQLITE_TYPE_CONVERTS_TEXT,
          c.sqliteType(), e.table(), c.name(), declared);
    }
  }

  private static void postgresType(EntityModel e, ColumnModel c, Report report) {
    String own = c.value().adapter().stored().postgres();
    Accepts allowed = POSTGRES_TYPES.get(own);
    String type = c.postgresType().replaceAll("\\s+", " ").replace(" (", "(")
        .toLowerCase(Locale.ROOT);
    if (allowed == null || !type.matches(allowed.pattern())) {
      report.add(c.source().attribute("postgresType"), Message.COLUMN_POSTGRES_TYPE,
          c.postgresType(), e.table(), c.name(), own, c.value().type(),
          allowed == null ? own : allowed.words());
    }
  }

  private static void nullableKey(EntityModel e, ColumnModel c, Report report) {
    if (!e.isPrimaryKey(c)) {
      report.add(c.source().attribute("nullableKey"), Message.NULLABLE_KEY_NOT_KEY, e.table(),
          c.name());
    } else if (e.primaryKey().size() == 1 && c.stored().sqlite().equalsIgnoreCase("INTEGER")) {
      report.add(c.source().attribute("nullableKey"), Message.NULLABLE_KEY_ROWID, e.table(),
          c.name());
    }
  }

  /**
   * SQLite's affinity rules 1 to 5 (https://www.sqlite.org/datatype3.html#type_affinity), with
   * NUMERIC, which {@link Affinity} leaves out because no Java type is stored with it.
   */
  static String affinity(String declared) {
    String t = declared.toUpperCase(Locale.ROOT);
    if (t.contains("INT")) {
      return "INTEGER";
    }
    if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
      return "TEXT";
    }
    if (t.isEmpty() || t.contains("BLOB")) {
      return "BLOB";
    }
    if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
      return "REAL";
    }
    return "NUMERIC";
  }
}
