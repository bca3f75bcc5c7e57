package keystone.processor.types;

import com.palantir.javapoet.CodeBlock;
import keystone.processor.model.JavaValue;

/**
 * Everything Keystone knows about one Java column type, in one place, as Room's type adapters
 * keep it: the type it is stored as on each engine, and the generated code that binds and reads
 * it. A built-in type is one {@link BuiltIn} constant; a user's {@code @TypeConverter} pair is a
 * {@link ConvertedAdapter} that chains onto one. Adding a type means adding one adapter.
 *
 * <p>The code is written against {@code keystone.engine.spi.SqlStatement}, held in a local
 * variable {@code st}.
 */
public interface ColumnAdapter {
  StoredType stored();

  /** One statement (or a block) binding {@code value}, an expression of {@code v}'s type. */
  CodeBlock bind(JavaValue v, CodeBlock index, CodeBlock value);

  /** An expression reading the 0-based {@code column} as {@code v}'s type. */
  CodeBlock read(JavaValue v, int column);

  /** The built-in adapter that finally talks to the statement. */
  BuiltIn builtIn();
}
