package keystone.processor.types;

import keystone.processor.model.Affinity;
import keystone.processor.model.JavaValue;

/**
 * How a relation's keys are held while a graph loads: SQL's basic values by storage class (so an
 * {@code int} and a {@code long} column give equal keys), any other built-in type as itself (a
 * {@code UUID} key is bound as a uuid, which PostgreSQL will not compare with text).
 */
public record RelationKey(Affinity affinity, BuiltIn adapter) {

  public static RelationKey of(JavaValue value) {
    BuiltIn b = value.adapter().builtIn();
    Affinity affinity = b.stored().affinity();
    if (!b.basic() && b != BuiltIn.ENUM) {
      return new RelationKey(affinity, b);
    }
    return new RelationKey(affinity, switch (affinity) {
      case INTEGER -> BuiltIn.LONG;
      case REAL -> BuiltIn.DOUBLE;
      case TEXT -> BuiltIn.STRING;
      case BLOB -> BuiltIn.BYTES;
    });
  }

  /** A key's value as generated code holds it: the boxed type of its adapter. */
  public JavaValue value(com.palantir.javapoet.TypeName boxed) {
    return new JavaValue(boxed, adapter, true);
  }

  @Override
  public String toString() {
    return adapter.basic() ? affinity.name()
        : affinity + " (" + adapter.stored().postgres() + " on PostgreSQL)";
  }
}
