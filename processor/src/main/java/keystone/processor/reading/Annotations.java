package keystone.processor.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import keystone.processor.diagnostics.Source;

/** Reads annotation mirrors, which work for classes in source and on the classpath alike. */
public final class Annotations {
  private final Env env;

  public Annotations(Env env) {
    this.env = env;
  }

  public static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    if (element == null) {
      return Optional.empty();
    }
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) m.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The first of {@code elements} carrying the annotation, as a diagnostic source. */
  public static Optional<Source> find(List<? extends Element> elements, String qualifiedName) {
    for (Element e : elements) {
      Optional<AnnotationMirror> m = find(e, qualifiedName);
      if (m.isPresent()) {
        return Optional.of(new Source(e, m.get(), null));
      }
    }
    return Optional.empty();
  }

  /** The value written in source, for pointing diagnostics at it; null when defaulted. */
  public static AnnotationValue explicit(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  public Object value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        env.elements().getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue().getValue();
      }
    }
    throw new IllegalArgumentException("no attribute " + name + " in " + mirror);
  }

  public String string(AnnotationMirror mirror, String name) {
    return (String) value(mirror, name);
  }

  public boolean bool(AnnotationMirror mirror, String name) {
    return (Boolean) value(mirror, name);
  }

  public int integer(AnnotationMirror mirror, String name) {
    return (Integer) value(mirror, name);
  }

  public String enumName(AnnotationMirror mirror, String name) {
    return ((VariableElement) value(mirror, name)).getSimpleName().toString();
  }

  public List<String> strings(AnnotationMirror mirror, String name) {
    List<String> out = new ArrayList<>();
    for (AnnotationValue v : list(mirror, name)) {
      out.add((String) v.getValue());
    }
    return out;
  }

  /**
   * A list attribute, or an empty list when the annotation type has no such attribute (an
   * annotations jar older than this processor, or a test's own copy of the annotation).
   */
  public List<AnnotationValue> listOrEmpty(AnnotationMirror mirror, String name) {
    for (ExecutableElement e : ElementFilter.methodsIn(
        mirror.getAnnotationType().asElement().getEnclosedElements())) {
      if (e.getSimpleName().contentEquals(name)) {
        return list(mirror, name);
      }
    }
    return List.of();
  }

  @SuppressWarnings("unchecked")
  public List<AnnotationValue> list(AnnotationMirror mirror, String name) {
    return (List<AnnotationValue>) value(mirror, name);
  }

  /** A {@code Class<?>} attribute as its element; missing types are retried next round. */
  public TypeElement type(AnnotationMirror mirror, String name) {
    return typeOf(value(mirror, name));
  }

  public static TypeElement typeOf(Object classValue) {
    if (!(classValue instanceof TypeMirror t)) {
      // javac gives the string "<error>" for a class literal it cannot resolve.
      throw new MissingTypeException(String.valueOf(classValue));
    }
    if (t.getKind() == TypeKind.ERROR) {
      throw new MissingTypeException(t.toString());
    }
    if (t.getKind() != TypeKind.DECLARED) {
      return null;
    }
    return (TypeElement) ((DeclaredType) t).asElement();
  }
}
