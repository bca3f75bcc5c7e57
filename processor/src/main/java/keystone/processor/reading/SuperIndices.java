package keystone.processor.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.IndexModel;

/**
 * {@code @Entity(inheritSuperIndices = true)} as Room defines it: the indices declared on every
 * {@code @Entity} superclass, nearest first, are declared again on this entity's table; an index
 * without a name gets its default name from this table.
 */
final class SuperIndices {
  /** Reads the {@code indices} of one {@code @Entity} mirror for a table. */
  interface Declared {
    List<IndexModel> read(AnnotationMirror entity, String table, Source at);
  }

  private SuperIndices() {}

  static List<IndexModel> of(TypeElement type, String table, Declared declared) {
    List<IndexModel> out = new ArrayList<>();
    for (TypeElement t = superOf(type); t != null; t = superOf(t)) {
      Optional<AnnotationMirror> entity = Annotations.find(t, EntityReader.ENTITY);
      if (entity.isPresent()) {
        out.addAll(declared.read(entity.get(), table, new Source(t, entity.get(), null)));
      }
    }
    return out;
  }

  private static TypeElement superOf(TypeElement type) {
    return type.getSuperclass() instanceof DeclaredType d ? (TypeElement) d.asElement() : null;
  }
}
