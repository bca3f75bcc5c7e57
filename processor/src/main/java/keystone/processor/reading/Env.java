package keystone.processor.reading;

import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import keystone.processor.types.TypeAdapters;

/**
 * The compiler's utilities, passed around instead of the whole ProcessingEnvironment, and the
 * type-adapter store the readers share.
 */
public record Env(Elements elements, Types types, TypeAdapters adapters) {
  public TypeElement typeElement(String qualifiedName) {
    return elements.getTypeElement(qualifiedName);
  }
}
