package keystone.processor.reading;

import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** The compiler's utilities, passed around instead of the whole ProcessingEnvironment. */
public record Env(Elements elements, Types types) {
  public TypeElement typeElement(String qualifiedName) {
    return elements.getTypeElement(qualifiedName);
  }
}
