package keystone.processor.types;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/**
 * A {@code @TypeConverter} pair for one user type, as generated code calls it.
 *
 * @param owner the class declaring both methods
 * @param instance whether the methods are instance methods (one instance per generated DAO)
 * @param toColumn the method taking the user type
 * @param fromColumn the method returning it
 * @param column the built-in type it is stored as, and that type's adapter
 */
public record Converter(
    ClassName owner,
    boolean instance,
    String toColumn,
    String fromColumn,
    TypeName columnType,
    BuiltIn column) {

  /** The field a DAO implementation keeps its instance in. */
  public String field() {
    String simple = owner.simpleName();
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
  }
}
