package keystone.processor.reading;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import keystone.Naming;
import keystone.processor.sql.SqlNames;

/**
 * The names an entity's table and columns take when not written out: {@code @Entity(naming)}
 * when written on the entity, else the database's {@code naming}, else snake_case.
 */
record EntityNaming(Naming naming) {
  static EntityNaming of(AnnotationMirror entity, Naming database, Annotations annotations) {
    if (Annotations.explicit(entity, "naming") == null) {
      return new EntityNaming(database);
    }
    return new EntityNaming(Naming.valueOf(annotations.enumName(entity, "naming")));
  }

  String table(TypeElement type) {
    String simple = type.getSimpleName().toString();
    return naming == Naming.AS_DECLARED ? simple : SqlNames.snakeCase(simple);
  }

  String column(String property) {
    return naming == Naming.AS_DECLARED ? property : SqlNames.snakeCase(property);
  }
}
