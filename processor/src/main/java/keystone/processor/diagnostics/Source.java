package keystone.processor.diagnostics;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

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
}
