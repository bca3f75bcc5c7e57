package keystone.processor.reading;

import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.JavaValue;
import keystone.processor.model.ResultModel;
import keystone.processor.model.ResultModel.ResultProperty;
import keystone.processor.model.Shape;
import keystone.processor.sql.SqlNames;

/**
 * Matches a result type to the columns SQLite reported: a property takes the column named like
 * its column name or its Java name, ignoring case.
 */
final class ResultReader {
  private final Env env;
  private final Annotations annotations;
  private final PropertyReader properties;

  ResultReader(Env env) {
    this.env = env;
    this.annotations = new Annotations(env);
    this.properties = new PropertyReader(env);
  }

  Optional<ResultModel> read(TypeMirror row, List<String> columns, Source at, Report report) {
    Optional<JavaValue> scalar = ValueTypes.of(row);
    if (scalar.isPresent()) {
      return Optional.of(new ResultModel(scalar.get(), scalar.get().type(), null, List.of()));
    }
    TypeElement type = row.getKind() == TypeKind.DECLARED
        ? (TypeElement) env.types().asElement(row) : null;
    boolean record = type != null && type.getKind() == ElementKind.RECORD;
    if (type == null || !record && !PropertyReader.hasNoArgConstructor(type)) {
      report.add(at, Message.QUERY_RETURN_TYPE, row,
          "rows map to a scalar, a record, or a class with a no-argument constructor");
      return Optional.empty();
    }
    List<ResultProperty> out = new ArrayList<>();
    boolean ok = true;
    boolean allFields = true;
    for (Property p : properties.read(type)) {
      Optional<JavaValue> value = ValueTypes.of(p.type());
      if (value.isEmpty() || !record && p.setter() == null) {
        report.add(at, Message.QUERY_RETURN_TYPE, row,
            "property " + p.name() + (value.isEmpty() ? " has no column mapping"
                : " cannot be set"));
        ok = false;
        continue;
      }
      String column = Annotations.find(p.declarations(), "keystone.Column")
          .map(c -> annotations.string(c.mirror(), "name"))
          .filter(n -> !n.isEmpty())
          .orElse(SqlNames.snakeCase(p.name()));
      int index = indexOf(columns, column, p.name());
      if (index < 0 && !ValueTypes.nullable(p.type(), p.declarations())) {
        report.add(at, Message.QUERY_RESULT_MISSING_COLUMN, type.getSimpleName(), p.name(),
            column, String.join(", ", columns));
        ok = false;
      }
      allFields &= record || p.setter().field();
      out.add(new ResultProperty(p.name(), value.get(), p.setter(), index));
    }
    if (!ok) {
      return Optional.empty();
    }
    Shape shape = record ? Shape.RECORD : allFields ? Shape.FIELDS : Shape.BEAN;
    return Optional.of(new ResultModel(null, TypeName.get(row), shape, out));
  }

  private static int indexOf(List<String> columns, String column, String property) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(column) || columns.get(i).equalsIgnoreCase(property)) {
        return i;
      }
    }
    return -1;
  }
}
