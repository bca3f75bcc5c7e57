package keystone.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * What a reading {@code @Query} builds from each row: a scalar from column 0, or an object whose
 * properties are read from the result columns resolved at compile time, built from an
 * {@code @Embedded} part of the same row, or loaded by a {@code @Relation}.
 *
 * @param scalar the scalar type, or null for an object
 * @param type the object type (or the scalar's type)
 * @param shape how to build the object
 * @param properties the object's properties in declaration order
 * @param arguments for {@link Shape#CONSTRUCTOR}, the property each constructor parameter takes
 *     (an index into {@code properties}); empty otherwise
 */
public record ResultModel(
    JavaValue scalar, TypeName type, Shape shape, List<ResultProperty> properties,
    List<Integer> arguments) {

  public ResultModel {
    properties = List.copyOf(properties);
    arguments = List.copyOf(arguments);
  }

  public ResultModel(
      JavaValue scalar, TypeName type, Shape shape, List<ResultProperty> properties) {
    this(scalar, type, shape, properties, List.of());
  }

  /** The result columns this object reads, its embedded parts included, in property order. */
  public List<Integer> columnsRead() {
    List<Integer> out = new java.util.ArrayList<>();
    for (ResultProperty p : properties) {
      if (p.embedded() != null) {
        out.addAll(p.embedded().columnsRead());
      } else if (p.column() >= 0) {
        out.add(p.column());
      }
    }
    return out;
  }

  /** Whether some property is loaded by a further query (embedded types hold no relation). */
  public boolean hasRelations() {
    return properties.stream().anyMatch(p -> p.relation() != null);
  }

  /**
   * One property of a result object. Exactly one source applies: a column ({@code column >= 0},
   * or -1 when absent and left null), an embedded object, or a relation.
   *
   * @param value the column's Java value; null for an embedded object or a relation
   * @param column the 0-based result column, -1 when absent or not a column
   * @param embedded the object built from columns of the same row, or null
   * @param relation the rows loaded for it, or null
   */
  public record ResultProperty(
      String property,
      JavaValue value,
      Access setter,
      int column,
      ResultModel embedded,
      RelationModel relation) {

    public static ResultProperty column(String property, JavaValue value, Access setter, int at) {
      return new ResultProperty(property, value, setter, at, null, null);
    }

    /** The property's declared type. */
    public TypeName type() {
      if (embedded != null) {
        return embedded.type();
      }
      return relation != null ? relation.fieldType() : value.type();
    }
  }
}
