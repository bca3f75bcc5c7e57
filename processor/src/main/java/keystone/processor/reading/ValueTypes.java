package keystone.processor.reading;

import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import keystone.processor.model.JavaValue;
import keystone.processor.types.BuiltIn;

/** Maps Java types to column types, and decides nullability. */
public final class ValueTypes {
  private ValueTypes() {}

  /** The built-in adapter for {@code type}, or empty when it has none. */
  public static Optional<JavaValue> of(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      throw new MissingTypeException(type.toString());
    }
    TypeName name = TypeName.get(type).withoutAnnotations();
    if (type.getKind().isPrimitive()) {
      return BuiltIn.forPrimitive(type.getKind()).map(b -> new JavaValue(name, b, false));
    }
    if (type instanceof ArrayType array) {
      return array.getComponentType().getKind() == TypeKind.BYTE
          ? Optional.of(new JavaValue(name, BuiltIn.BYTES, true))
          : Optional.empty();
    }
    if (!(type instanceof DeclaredType declared)) {
      return Optional.empty();
    }
    TypeElement element = (TypeElement) declared.asElement();
    if (element.getKind() == ElementKind.ENUM) {
      return Optional.of(new JavaValue(name, BuiltIn.ENUM, true));
    }
    return BuiltIn.forClass(element.getQualifiedName().toString())
        .map(b -> new JavaValue(name, b, true));
  }

  /**
   * Primitives are never null; references only when some declaration or the type itself
   * (TYPE_USE) carries an annotation called NotNull or NonNull, whatever its package.
   */
  public static boolean nullable(TypeMirror type, List<? extends Element> declarations) {
    if (type.getKind().isPrimitive()) {
      return false;
    }
    if (hasNotNull(type.getAnnotationMirrors())) {
      return false;
    }
    for (Element e : declarations) {
      if (hasNotNull(e.getAnnotationMirrors()) || hasNotNull(e.asType().getAnnotationMirrors())) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasNotNull(List<? extends AnnotationMirror> mirrors) {
    for (AnnotationMirror m : mirrors) {
      String simple = m.getAnnotationType().asElement().getSimpleName().toString();
      if (simple.equals("NotNull") || simple.equals("NonNull")) {
        return true;
      }
    }
    return false;
  }
}
