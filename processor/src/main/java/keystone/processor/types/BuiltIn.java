package keystone.processor.types;

import static keystone.processor.model.Affinity.BLOB;
import static keystone.processor.model.Affinity.INTEGER;
import static keystone.processor.model.Affinity.REAL;
import static keystone.processor.model.Affinity.TEXT;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.Optional;
import javax.lang.model.type.TypeKind;
import keystone.processor.model.JavaValue;

/**
 * The built-in adapters, one per Java type (a primitive and its box share one). Each names the
 * Java type it serves, what it is stored as on SQLite and PostgreSQL, and the statement calls
 * that bind and read it; {@code bindsNull}/{@code readsNull} say whether those calls already
 * handle NULL, so no check is generated around them.
 *
 * <p>{@code short} and {@code byte} are INTEGER rather than SMALLINT on PostgreSQL: it has no
 * one-byte integer, so SMALLINT would enforce {@code short}'s range but still not {@code byte}'s;
 * SQLite enforces neither; and alignment usually pads a SMALLINT back to four bytes. One 32-bit
 * type for every narrow Java integer is the simpler contract.
 * https://www.postgresql.org/docs/14/datatype-numeric.html
 */
public enum BuiltIn implements ColumnAdapter {
  BOOLEAN("java.lang.Boolean", TypeKind.BOOLEAN, StoredType.of(INTEGER, "BOOLEAN", "BOOLEAN"),
      "st.bindBoolean($L, $L)", "st.columnBoolean($L)", false),
  BYTE("java.lang.Byte", TypeKind.BYTE, StoredType.of(INTEGER, "INTEGER", "INTEGER"),
      "st.bindLong($L, $L)", "(byte) st.columnLong($L)", false),
  SHORT("java.lang.Short", TypeKind.SHORT, StoredType.of(INTEGER, "INTEGER", "INTEGER"),
      "st.bindLong($L, $L)", "(short) st.columnLong($L)", false),
  INT("java.lang.Integer", TypeKind.INT, StoredType.of(INTEGER, "INTEGER", "INTEGER"),
      "st.bindLong($L, $L)", "(int) st.columnLong($L)", false),
  LONG("java.lang.Long", TypeKind.LONG, StoredType.of(INTEGER, "BIGINT", "INTEGER"),
      "st.bindLong($L, $L)", "st.columnLong($L)", false),
  FLOAT("java.lang.Float", TypeKind.FLOAT, StoredType.of(REAL, "REAL", "REAL"),
      "st.bindDouble($L, $L)", "(float) st.columnDouble($L)", false),
  DOUBLE("java.lang.Double", TypeKind.DOUBLE, StoredType.of(REAL, "DOUBLE PRECISION", "REAL"),
      "st.bindDouble($L, $L)", "st.columnDouble($L)", false),
  STRING("java.lang.String", null, StoredType.of(TEXT, "TEXT", "TEXT"),
      "st.bindText($L, $L)", "st.columnText($L)", true),
  BYTES("byte[]", null, StoredType.of(BLOB, "BYTEA", "BLOB"),
      "st.bindBlob($L, $L)", "st.columnBlob($L)", true),
  // The value types below are stored as documented in README.md ("Column types"): SQLite's
  // forms sort as Java does and are written by keystone.engine.spi.SqliteValues; PostgreSQL's
  // are native. Their statement calls handle NULL themselves.
  INSTANT("java.time.Instant", StoredType.of(INTEGER, "TIMESTAMPTZ", "TIMESTAMPTZ"), "Instant"),
  /** The instant only, as TIMESTAMPTZ keeps it: the offset is not stored, reads give UTC. */
  OFFSET_DATE_TIME("java.time.OffsetDateTime",
      StoredType.of(INTEGER, "TIMESTAMPTZ", "TIMESTAMPTZ"), "OffsetDateTime"),
  LOCAL_DATE("java.time.LocalDate", StoredType.of(TEXT, "DATE", "DATE"), "LocalDate"),
  LOCAL_DATE_TIME("java.time.LocalDateTime", StoredType.of(TEXT, "TIMESTAMP", "TIMESTAMP"),
      "LocalDateTime"),
  LOCAL_TIME("java.time.LocalTime", StoredType.of(TEXT, "TIME", "TIME"), "LocalTime"),
  DURATION("java.time.Duration", StoredType.of(INTEGER, "INTERVAL", "INTERVAL"), "Duration"),
  UUID("java.util.UUID", StoredType.of(TEXT, "UUID", "UUID"), "Uuid"),
  BIG_DECIMAL("java.math.BigDecimal", StoredType.decimal(), "Decimal"),
  BIG_INTEGER("java.math.BigInteger", StoredType.decimal(), "BigInteger"),
  /** Any enum, by {@code name()}: renaming a constant is a data change, reordering is not. */
  ENUM("java.lang.Enum", null, StoredType.of(TEXT, "TEXT", "TEXT"), null, null, true) {
    @Override
    CodeBlock call(CodeBlock index, CodeBlock value) {
      return CodeBlock.of("st.bindText($L, $L == null ? null : $L.name())", index, value, value);
    }

    @Override
    CodeBlock plain(JavaValue v, int column) {
      return CodeBlock.of("$T.valueOf(st.columnText($L))", v.type(), column);
    }

    @Override
    boolean readsNull() {
      return false;
    }
  };

  private final String javaName;
  private final TypeKind primitive;
  private final StoredType stored;
  private final String bindCall;
  private final String readCall;
  private final boolean nullSafe;

  BuiltIn(String javaName, TypeKind primitive, StoredType stored, String bindCall,
      String readCall, boolean nullSafe) {
    this.javaName = javaName;
    this.primitive = primitive;
    this.stored = stored;
    this.bindCall = bindCall;
    this.readCall = readCall;
    this.nullSafe = nullSafe;
  }

  /** A value type whose statement calls are {@code bindX} and {@code columnX}. */
  BuiltIn(String javaName, StoredType stored, String call) {
    this(javaName, null, stored, "st.bind" + call + "($L, $L)", "st.column" + call + "($L)",
        true);
  }

  /** The adapter for a class or boxed type by qualified name ({@code byte[]} for arrays). */
  public static Optional<BuiltIn> forClass(String qualifiedName) {
    for (BuiltIn b : values()) {
      if (b != ENUM && b.javaName.equals(qualifiedName)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  public static Optional<BuiltIn> forPrimitive(TypeKind kind) {
    for (BuiltIn b : values()) {
      if (b.primitive == kind) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /** A primitive, its box, String or byte[]: what SQL itself holds, never a converter's input. */
  public boolean basic() {
    return ordinal() <= BYTES.ordinal();
  }

  /** The type generated code holds a value in when it may be null. */
  public TypeName boxedType() {
    return this == BYTES ? ArrayTypeName.of(TypeName.BYTE) : ClassName.bestGuess(javaName);
  }

  /** The Java type's qualified name, as a converter's column side must name it. */
  public String javaName() {
    return javaName;
  }

  @Override
  public StoredType stored() {
    return stored;
  }

  @Override
  public BuiltIn builtIn() {
    return this;
  }

  @Override
  public CodeBlock bind(JavaValue v, CodeBlock index, CodeBlock value) {
    CodeBlock call = call(index, value);
    if (!v.reference() || nullSafe) {
      return CodeBlock.builder().addStatement("$L", call).build();
    }
    return CodeBlock.builder()
        .beginControlFlow("if ($L == null)", value)
        .addStatement("st.bindNull($L)", index)
        .nextControlFlow("else")
        .addStatement("$L", call)
        .endControlFlow()
        .build();
  }

  @Override
  public CodeBlock read(JavaValue v, int column) {
    CodeBlock plain = plain(v, column);
    if (!v.reference() || readsNull()) {
      return plain;
    }
    // A bare null makes the conditional boxed (JLS 15.25); a typed one would unbox it.
    return CodeBlock.of("st.isNull($L) ? null : $L", column, plain);
  }

  CodeBlock call(CodeBlock index, CodeBlock value) {
    return CodeBlock.of(bindCall, index, value);
  }

  CodeBlock plain(JavaValue v, int column) {
    return CodeBlock.of(readCall, column);
  }

  boolean readsNull() {
    return nullSafe;
  }
}
