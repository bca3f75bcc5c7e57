package keystone.cli.importer;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.Locale;
import java.util.regex.Pattern;
import keystone.cli.schema.SourceSchema.Column;
import keystone.cli.schema.SourceSchema.Dialect;
import keystone.engine.sqlite.schema.SchemaShapes;

/**
 * The Java type for a column, and how its declared type is kept.
 *
 * <p>On SQLite the Java type follows the declared type's affinity ({@code long}, {@code double},
 * {@code String}, {@code byte[]}, {@code boolean} for a BOOL type), and a built-in value type
 * only where the declared type names it and every value already in the file has Keystone's
 * stored form for it ({@link Values}). When the declared type's affinity is not the one Keystone
 * gives the Java type (NUMERIC, DATETIME, BOOLEAN...), {@code sqliteType} carries it into
 * {@code @Column(sqliteType)}, so that the file's column and the compiled one compare equal.
 *
 * <p>On PostgreSQL the native type decides: {@code integer} is {@code int}, {@code timestamptz}
 * an {@code Instant}, {@code numeric} a {@code BigDecimal}, and so on.
 *
 * @param type the Java type (boxed when the column is nullable)
 * @param sqliteType the declared type to keep, or null when Keystone's own has its affinity
 * @param postgresType the PostgreSQL type to keep ({@code @Column(postgresType)}), or null
 * @param note what differs from the source and cannot be kept, or null
 * @param mapping why a value type was or was not chosen, for the command's output, or null
 */
record JavaType(TypeName type, String sqliteType, String postgresType, String note,
    String mapping) {
  /** What {@code @Column(sqliteType)} accepts: a type name with an optional size. */
  private static final Pattern TYPE_NAME = Pattern.compile(
      "[A-Za-z_][A-Za-z0-9_]*( [A-Za-z_][A-Za-z0-9_]*)*( ?\\([0-9+\\-, ]+\\))?");

  /**
   * @param generated a generated key (SERIAL, identity, rowid alias): Keystone generates
   *     {@code long} keys only
   */
  static JavaType of(String table, Column c, boolean nullable, boolean generated,
      Dialect dialect, Values values) {
    String declared = c.type() == null ? "" : c.type().trim();
    if (dialect == Dialect.POSTGRES) {
      return postgres(declared, nullable, generated);
    }
    Values.Choice value = values.choose(table, c, declared);
    Kind kind = value.kind() != null ? value.kind() : sqlite(declared.toLowerCase(Locale.ROOT));
    String source = SchemaShapes.affinity(declared);
    if (source.equals(kind.sqlite)) {
      return new JavaType(kind.type(nullable), null, null, null, value.why());
    }
    if (TYPE_NAME.matcher(declared).matches()) {
      return new JavaType(kind.type(nullable), declared, null, null, value.why());
    }
    String note = "declared " + (declared.isEmpty() ? "without a type" : declared) + " ("
        + source + " affinity), which @Column(sqliteType) cannot spell; Keystone declares "
        + kind.sqlite + " for " + kind.type(nullable) + ". Rebuild the column with a plain type"
        + " name of " + source + " affinity, then import again";
    return new JavaType(kind.type(nullable), null, null, note, value.why());
  }

  /**
   * A PostgreSQL column: the Java type its native type reads as, and that type kept with
   * {@code @Column(postgresType)} where Keystone would declare another ({@code integer} for a
   * generated {@code long} key, {@code numeric(10,2)}, {@code character varying(80)}).
   */
  private static JavaType postgres(String declared, boolean nullable, boolean generated) {
    String t = declared.toLowerCase(Locale.ROOT);
    Kind kind = generated ? Kind.LONG : postgres(t);
    if (kind.lossy) {
      return new JavaType(kind.type(nullable), null, null, "PostgreSQL " + declared + " is read"
          + " as " + kind.boxed + "; no exact Java type among Keystone's built-in ones, so"
          + " Keystone declares " + kind.postgres, null);
    }
    if (t.equals(kind.postgres)) {
      return new JavaType(kind.type(nullable), null, null, null, null);
    }
    if (t.matches(kind.postgresSame)) {
      return new JavaType(kind.type(nullable), null, declared, null, null);
    }
    return new JavaType(kind.type(nullable), null, null, "PostgreSQL " + declared + " does not"
        + " hold " + kind.boxed + " values exactly (a time of lower precision rounds"
        + " microseconds); Keystone declares " + kind.postgres, null);
  }

  /** The plain Java type for an SQLite declared type (lower case), as for a table's column. */
  static Kind sqliteKind(String t) {
    return sqlite(t);
  }

  private static Kind sqlite(String t) {
    if (t.contains("bool")) {
      return Kind.BOOLEAN;
    }
    return switch (SchemaShapes.affinity(t)) {
      case "INTEGER" -> Kind.LONG;
      case "TEXT" -> Kind.STRING;
      case "BLOB" -> Kind.BYTES;
      case "REAL" -> Kind.DOUBLE;
      // NUMERIC: a serial counts; dates and times stay text; DECIMAL, NUMERIC(p, s) and MONEY
      // hold SQLite numbers (INTEGER or REAL), which a double reads.
      default -> t.contains("serial") ? Kind.LONG
          : t.contains("date") || t.contains("time") ? Kind.STRING : Kind.DOUBLE;
    };
  }

  private static Kind postgres(String t) {
    if (t.startsWith("bigint")) {
      return Kind.LONG;
    }
    if (t.startsWith("integer")) {
      return Kind.INT;
    }
    if (t.startsWith("smallint")) {
      return Kind.SHORT;
    }
    if (t.startsWith("double")) {
      return Kind.DOUBLE;
    }
    if (t.startsWith("real")) {
      return Kind.FLOAT;
    }
    if (t.startsWith("numeric") || t.startsWith("decimal")) {
      return Kind.BIG_DECIMAL;
    }
    if (t.startsWith("money")) {
      return Kind.LOSSY_DOUBLE;
    }
    if (t.startsWith("boolean")) {
      return Kind.BOOLEAN;
    }
    if (t.startsWith("bytea")) {
      return Kind.BYTES;
    }
    if (t.startsWith("text") || t.startsWith("character") || t.startsWith("varchar")) {
      return Kind.STRING;
    }
    if (t.startsWith("timestamp")) {
      return t.endsWith("with time zone") ? Kind.INSTANT : Kind.LOCAL_DATE_TIME;
    }
    if (t.equals("date")) {
      return Kind.LOCAL_DATE;
    }
    if (t.startsWith("time") && !t.endsWith("with time zone")) {
      return Kind.LOCAL_TIME;
    }
    if (t.equals("uuid")) {
      return Kind.UUID;
    }
    return Kind.LOSSY_STRING;
  }

  private static final String INTEGERS = "bigint|integer|smallint";
  private static final String FLOATS = "double precision|real";
  private static final String P6 = "(\\(6\\))?";

  /**
   * A Java type, the affinity Keystone declares for it on SQLite, the type it declares on
   * PostgreSQL (as {@code format_type} prints it), and the PostgreSQL types that hold its values
   * alike (what {@code @Column(postgresType)} accepts).
   */
  enum Kind {
    LONG(TypeName.LONG, "INTEGER", "bigint", INTEGERS),
    INT(TypeName.INT, "INTEGER", "integer", INTEGERS),
    SHORT(TypeName.SHORT, "INTEGER", "integer", INTEGERS),
    DOUBLE(TypeName.DOUBLE, "REAL", "double precision", FLOATS),
    FLOAT(TypeName.FLOAT, "REAL", "real", FLOATS),
    LOSSY_DOUBLE(TypeName.DOUBLE, "REAL", "double precision", null),
    BOOLEAN(TypeName.BOOLEAN, "INTEGER", "boolean", "boolean"),
    STRING(ClassName.get(String.class), "TEXT", "text",
        "text|character varying(\\([0-9]+\\))?"),
    LOSSY_STRING(ClassName.get(String.class), "TEXT", "text", null),
    BYTES(ArrayTypeName.of(TypeName.BYTE), "BLOB", "bytea", "bytea"),
    LOCAL_DATE(ClassName.get("java.time", "LocalDate"), "TEXT", "date", "date"),
    LOCAL_DATE_TIME(ClassName.get("java.time", "LocalDateTime"), "TEXT",
        "timestamp without time zone", "timestamp" + P6 + " without time zone"),
    LOCAL_TIME(ClassName.get("java.time", "LocalTime"), "TEXT", "time without time zone",
        "time" + P6 + " without time zone"),
    UUID(ClassName.get("java.util", "UUID"), "TEXT", "uuid", "uuid"),
    INSTANT(ClassName.get("java.time", "Instant"), "INTEGER", "timestamp with time zone",
        "timestamp" + P6 + " with time zone"),
    BIG_DECIMAL(ClassName.get("java.math", "BigDecimal"), "TEXT", "numeric",
        "numeric(\\([0-9]+(,[0-9]+)?\\))?");

    final TypeName primitive;
    final TypeName boxed;
    final String sqlite;
    final String postgres;
    final String postgresSame;
    final boolean lossy;

    Kind(TypeName primitive, String sqlite, String postgres, String postgresSame) {
      this.primitive = primitive;
      this.boxed = primitive.isPrimitive() ? primitive.box() : primitive;
      this.sqlite = sqlite;
      this.postgres = postgres;
      this.postgresSame = postgresSame == null ? postgres : postgresSame;
      this.lossy = postgresSame == null;
    }

    TypeName type(boolean nullable) {
      return nullable ? boxed : primitive;
    }
  }
}
