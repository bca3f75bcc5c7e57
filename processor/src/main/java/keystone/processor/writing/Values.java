package keystone.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.LinkedHashSet;
import java.util.Set;
import keystone.processor.model.Access;
import keystone.processor.model.JavaValue;
import keystone.processor.types.ConvertedAdapter;
import keystone.processor.types.Converter;

/** Bind and read code for one value, as its adapter writes it. */
final class Values {
  /**
   * The instance converters the DAO being written calls, collected as its code is written so
   * that it gets one field per converter class, made once.
   */
  private static Set<Converter> converters = new LinkedHashSet<>();

  private Values() {}

  /** Starts collecting for one DAO; returns what the previous one collected. */
  static Set<Converter> collectConverters() {
    Set<Converter> done = converters;
    converters = new LinkedHashSet<>();
    return done;
  }

  /** Reads a property of {@code owner}: {@code owner.name} or {@code owner.name()}. */
  static CodeBlock get(String owner, Access access) {
    return access.field()
        ? CodeBlock.of("$L.$L", owner, access.name())
        : CodeBlock.of("$L.$L()", owner, access.name());
  }

  /** One statement (or an if/else) binding {@code value} at the 1-based {@code index}. */
  static CodeBlock bind(JavaValue v, CodeBlock index, CodeBlock value) {
    note(v);
    return v.adapter().bind(v, index, value);
  }

  /** An expression reading the 0-based {@code column} as {@code v}'s type. */
  static CodeBlock read(JavaValue v, int column) {
    note(v);
    return v.adapter().read(v, column);
  }

  private static void note(JavaValue v) {
    if (v.adapter() instanceof ConvertedAdapter c && c.converter().instance()) {
      converters.add(c.converter());
    }
  }

  static TypeName boxed(TypeName type) {
    return type.isPrimitive() ? type.box() : type;
  }
}
