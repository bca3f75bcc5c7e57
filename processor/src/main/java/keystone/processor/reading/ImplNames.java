package keystone.processor.reading;

import com.palantir.javapoet.ClassName;

/** {@code p.Outer.Inner} is implemented by {@code p.Outer_Inner_Impl}; the engine relies on it. */
public final class ImplNames {
  private ImplNames() {}

  public static ClassName of(ClassName type) {
    return ClassName.get(type.packageName(), String.join("_", type.simpleNames()) + "_Impl");
  }
}
