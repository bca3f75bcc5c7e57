package keystone.processor.types;

import com.palantir.javapoet.CodeBlock;
import keystone.processor.model.JavaValue;

/**
 * A user type stored through a {@link Converter}: converted with a direct call, then bound and
 * read by the built-in adapter of its column type. The conversion runs on null too (as in Room),
 * unless the column side is a primitive, which cannot hold it.
 */
public record ConvertedAdapter(Converter converter) implements ColumnAdapter {
  /** The converted value's local, in a block of its own; no Java name a user writes has a $. */
  private static final String LOCAL = "stored$";

  @Override
  public StoredType stored() {
    return converter.column().stored();
  }

  @Override
  public BuiltIn builtIn() {
    return converter.column();
  }

  private JavaValue columnValue() {
    return new JavaValue(converter.columnType(), converter.column(),
        !converter.columnType().isPrimitive());
  }

  private CodeBlock target() {
    return converter.instance()
        ? CodeBlock.of("$N", converter.field())
        : CodeBlock.of("$T", converter.owner());
  }

  @Override
  public CodeBlock bind(JavaValue v, CodeBlock index, CodeBlock value) {
    CodeBlock converted = CodeBlock.of("$L.$N($L)", target(), converter.toColumn(), value);
    if (!v.reference() || !converter.columnType().isPrimitive()) {
      return CodeBlock.builder()
          .add("{\n$>")
          .addStatement("$T $N = $L", converter.columnType(), LOCAL, converted)
          .add(converter.column().bind(columnValue(), index, CodeBlock.of("$N", LOCAL)))
          .add("$<}\n")
          .build();
    }
    return CodeBlock.builder()
        .beginControlFlow("if ($L == null)", value)
        .addStatement("st.bindNull($L)", index)
        .nextControlFlow("else")
        .add(converter.column().bind(columnValue(), index, converted))
        .endControlFlow()
        .build();
  }

  @Override
  public CodeBlock read(JavaValue v, int column) {
    CodeBlock converted = CodeBlock.of("$L.$N($L)", target(), converter.fromColumn(),
        converter.column().read(columnValue(), column));
    if (v.reference() && converter.columnType().isPrimitive()) {
      return CodeBlock.of("st.isNull($L) ? null : $L", column, converted);
    }
    return converted;
  }
}
