package keystone.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import keystone.processor.model.Access;
import keystone.processor.model.JavaValue;

/** Bind and read code for one value, as its adapter writes it. */
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
    return v.adapter().bind(v, index, value);
  }

  /** An expression reading the 0-based {@code column} as {@code v}'s type. */
  static CodeBlock read(JavaValue v, int column) {
    return v.adapter().read(v, column);
  }

  static TypeName boxed(TypeName type) {
    return type.isPrimitive() ? type.box() : type;
  }
}
