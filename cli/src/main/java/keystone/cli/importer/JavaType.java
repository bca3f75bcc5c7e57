package keystone.cli.importer;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.Locale;
import keystone.cli.schema.SourceSchema.Dialect;
import keystone.engine.sqlite.schema.SchemaShapes;

/**
 * The Java type for a column's declared type, among those every Keystone engine supports:
 * {@code long}, {@code double}, {@code String}, {@code byte[]} and {@code boolean} (boxed when the
 * column is nullable). {@code keystoneType} is what the processor will declare on SQLite; when it
 * has a different affinity than the source's type, {@code note} says so.
 */
record JavaType(TypeName type, String keystoneType, String note) {

  static JavaType of(String declared, boolean nullable, Dialect dialect) {
    String t = declared == null ? "" : declared.toLowerCase(Locale.ROOT);
    Kind kind = dialect == Dialect.POSTGRES ? postgres(t) : sqlite(t);
    TypeName type = nullable ? kind.boxed : kind.primitive;
    String source = dialect == Dialect.SQLITE ? SchemaShapes.affinity(declared) : null;
    String note = null;
    if (dialect == Dialect.SQLITE && !source.equals(kind.sql)) {
      note = "declared " + (t.isEmpty() ? "without a type" : declared) + " (" + source
          + " affinity); Keystone declares " + kind.sql + " for " + type;
    } else if (dialect == Dialect.POSTGRES && kind.lossy) {
      note = "PostgreSQL " + declared + " is read as " + type + "; no exact Java type among"
          + " Keystone's plain ones";
    }
    return new JavaType(type, kind.sql, note);
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
      default -> t.contains("serial") ? Kind.LONG
          : t.contains("date") || t.contains("time") ? Kind.STRING : Kind.DOUBLE;
    };
  }

  private static Kind postgres(String t) {
    if (t.startsWith("bigint") || t.startsWith("integer") || t.startsWith("smallint")) {
      return Kind.LONG;
    }
    if (t.startsWith("double") || t.startsWith("real")) {
      return Kind.DOUBLE;
    }
    if (t.startsWith("numeric") || t.startsWith("decimal") || t.startsWith("money")) {
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
    return Kind.LOSSY_STRING;
  }

  private enum Kind {
    LONG(TypeName.LONG, "INTEGER", false),
    DOUBLE(TypeName.DOUBLE, "REAL", false),
    LOSSY_DOUBLE(TypeName.DOUBLE, "REAL", true),
    BOOLEAN(TypeName.BOOLEAN, "INTEGER", false),
    STRING(ClassName.get(String.class), "TEXT", false),
    LOSSY_STRING(ClassName.get(String.class), "TEXT", true),
    BYTES(ArrayTypeName.of(TypeName.BYTE), "BLOB", false);

    final TypeName primitive;
    final TypeName boxed;
    final String sql;
    final boolean lossy;

    Kind(TypeName primitive, String sql, boolean lossy) {
      this.primitive = primitive;
      this.boxed = primitive.isPrimitive() ? primitive.box() : primitive;
      this.sql = sql;
      this.lossy = lossy;
    }
  }
}
