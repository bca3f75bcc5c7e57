package keystone.processor.diagnostics;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** One diagnostic, with the most precise source position known. */
public record Problem(
    Message message, String text, Element element, AnnotationMirror mirror, AnnotationValue value) {

  public boolean isError() {
    return message.kind() == javax.tools.Diagnostic.Kind.ERROR;
  }
}
