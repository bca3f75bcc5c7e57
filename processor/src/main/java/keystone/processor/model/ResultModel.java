package keystone.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * What a reading {@code @Query} builds from each row: a scalar from column 0, or an object whose
 * properties are read from the result columns resolved at compile time.
 *
 * @param scalar the scalar type, or null for an object
 * @param type the object type (or the scalar's type)
 * @param shape how to build the object
 * @param properties property -> result column index (-1: absent, left null)
 */
public record ResultModel(
    JavaValue scalar, TypeName type, Shape shape, List<ResultProperty> properties) {

  public ResultModel {
    properties = List.copyOf(properties);
  }

  /** One property of a result object and the 0-based column it is read from, or -1. */
  public record ResultProperty(String property, JavaValue value, Access setter, int column) {}
}
