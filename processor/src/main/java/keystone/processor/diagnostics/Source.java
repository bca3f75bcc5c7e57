package keystone.processor.diagnostics;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Where a model part came from: the element, and when known the annotation and the attribute
 * value, so a diagnostic underlines the exact spot. Opaque to the writers.
 */
public record Source(Element element, AnnotationMirror mirror, AnnotationValue value) {
  public static Source of(Element element) {
    return new Source(element, null, null);
  }

  public Source withValue(AnnotationValue newValue) {
    return newValue == null ? this : new Source(element, mirror, newValue);
  }

  /**
   * The same annotation, narrowed to one of its attributes when the source writes it (a defaulted
   * attribute has no position, so the annotation itself is the best spot then).
   */
  public Source attribute(String name) {
    if (mirror == null) {
      return this;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return new Source(element, mirror, e.getValue());
      }
    }
    return this;
  }
}
