package keystone.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import keystone.processor.model.Access;
import keystone.processor.model.JavaValue;

/** Bind and read code for one value, per the {@code SqlStatement} contract. */
final class Values {
  private Values() {}

  /** Reads a property of {@code owner}: {@code owner.name} or {@code owner.name()}. */
  static CodeBlock get(String owner, Access access) {
    return access.field()
        ? CodeBlock.of("$L.$L", owner, access.name())
        : CodeBlock.of("$L.$L()", owner, access.name());
  }

  /** One statement (or an if/else) binding {@code value} at the 1-based {@code index}. */
  static CodeBlock bind(JavaValue v, CodeBlock index, CodeBlock value) {
    CodeBlock call = bindCall(v, index, value);
    boolean nullSafe = switch (v.columnType()) {
      case STRING, BYTES, ENUM -> true;
      default -> false;
    };
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

  private static CodeBlock bindCall(JavaValue v, CodeBlock index, CodeBlock value) {
    return switch (v.columnType()) {
      case BOOLEAN -> CodeBlock.of("st.bindBoolean($L, $L)", index, value);
      case BYTE, SHORT, INT, LONG -> CodeBlock.of("st.bindLong($L, $L)", index, value);
      case FLOAT, DOUBLE -> CodeBlock.of("st.bindDouble($L, $L)", index, value);
      case STRING -> CodeBlock.of("st.bindText($L, $L)", index, value);
      case BYTES -> CodeBlock.of("st.bindBlob($L, $L)", index, value);
      case ENUM -> CodeBlock.of("st.bindText($L, $L == null ? null : $L.name())", index, value,
          value);
    };
  }

  /** An expression reading the 0-based {@code column} as {@code v}'s type. */
  static CodeBlock read(JavaValue v, int column) {
    CodeBlock plain = switch (v.columnType()) {
      case BOOLEAN -> CodeBlock.of("st.columnBoolean($L)", column);
      case BYTE -> CodeBlock.of("(byte) st.columnLong($L)", column);
      case SHORT -> CodeBlock.of("(short) st.columnLong($L)", column);
      case INT -> CodeBlock.of("(int) st.columnLong($L)", column);
      case LONG -> CodeBlock.of("st.columnLong($L)", column);
      case FLOAT -> CodeBlock.of("(float) st.columnDouble($L)", column);
      case DOUBLE -> CodeBlock.of("st.columnDouble($L)", column);
      case STRING -> CodeBlock.of("st.columnText($L)", column);
      case BYTES -> CodeBlock.of("st.columnBlob($L)", column);
      case ENUM -> CodeBlock.of("$T.valueOf(st.columnText($L))", v.type(), column);
    };
    boolean nullSafe = v.columnType() == keystone.processor.model.ColumnType.STRING
        || v.columnType() == keystone.processor.model.ColumnType.BYTES;
    if (!v.reference() || nullSafe) {
      return plain;
    }
    // A bare null makes the conditional boxed (JLS 15.25); a typed one would unbox it.
    return CodeBlock.of("st.isNull($L) ? null : $L", column, plain);
  }

  static TypeName boxed(TypeName type) {
    return type.isPrimitive() ? type.box() : type;
  }
}
