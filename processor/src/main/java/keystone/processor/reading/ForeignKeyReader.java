package keystone.processor.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import keystone.ForeignKey.Action;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ForeignKeyModel;

/**
 * Reads an entity's {@code @ForeignKey} fields and {@code @Entity(foreignKeys)}, resolving each
 * parent as far as its own declaration allows; the rules over them live in the validation
 * package, where every entity of the database is known.
 */
final class ForeignKeyReader {
  private final Annotations annotations;

  ForeignKeyReader(Annotations annotations) {
    this.annotations = annotations;
  }

  /**
   * @param columnName the column a property maps to when {@code @Column(name)} does not say
   * @param parents the parent's table, columns and key, read without its own keys so cycles end
   */
  List<ForeignKeyModel> read(
      TypeElement type, String table, List<Property> props, Function<String, String> columnName,
      Function<TypeElement, EntityModel> parents) {
    List<ForeignKeyModel> out = new ArrayList<>();
    for (Property p : props) {
      Optional<Source> fk = Annotations.find(p.declarations(), EntityReader.FOREIGN_KEY);
      if (fk.isEmpty()) {
        continue;
      }
      AnnotationMirror m = fk.get().mirror();
      String child =
          Annotations.find(p.declarations(), EntityReader.COLUMN)
              .map(c -> annotations.string(c.mirror(), "name"))
              .filter(n -> !n.isEmpty())
              .orElse(columnName.apply(p.name()));
      String parentColumn = annotations.string(m, "column");
      out.add(
          foreignKey(
              m, table, List.of(child), parentColumn.isEmpty() ? List.of() : List.of(parentColumn),
              true, fk.get(), parents));
    }
    AnnotationMirror entity = Annotations.find(type, EntityReader.ENTITY).orElseThrow();
    for (AnnotationValue v : annotations.list(entity, "foreignKeys")) {
      AnnotationMirror m = (AnnotationMirror) v.getValue();
      // The nested mirror itself, so diagnostics can narrow to one of its attributes.
      out.add(
          foreignKey(
              m, table, annotations.strings(m, "columns"), annotations.strings(m, "parentColumns"),
              false, new Source(type, m, null), parents));
    }
    return out;
  }

  private ForeignKeyModel foreignKey(
      AnnotationMirror m,
      String table,
      List<String> childColumns,
      List<String> parentColumns,
      boolean single,
      Source at,
      Function<TypeElement, EntityModel> parents) {
    TypeElement parentType;
    try {
      parentType = annotations.type(m, "entity");
    } catch (MissingTypeException missing) {
      throw missing.at(at.attribute("entity"));
    }
    String parentName = parentType == null ? "?" : parentType.getQualifiedName().toString();
    String parentTable = null;
    List<String> parentColumnsOut = parentColumns;
    boolean defaulted = parentColumns.isEmpty();
    if (parentType != null && EntityReader.isEntity(parentType)) {
      EntityModel parent = parents.apply(parentType);
      if (parent != null) {
        parentTable = parent.table();
        parentColumnsOut = defaulted ? parent.primaryKey() : parentColumns;
      }
    }
    String name = annotations.string(m, "name");
    if (name.isEmpty()) {
      name = "fk_" + table + "_" + String.join("_", childColumns);
    }
    return new ForeignKeyModel(
        name,
        childColumns,
        parentName,
        parentTable,
        parentColumnsOut,
        defaulted,
        Action.valueOf(annotations.enumName(m, "onDelete")),
        Action.valueOf(annotations.enumName(m, "onUpdate")),
        annotations.bool(m, "deferred"),
        annotations.bool(m, "index"),
        single,
        at);
  }
}
