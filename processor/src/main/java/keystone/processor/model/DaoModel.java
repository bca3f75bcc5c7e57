package keystone.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * A DAO to implement. {@code tables} are the database's tables in schema order, which the
 * methods' table indexes point into; {@code origin} is kept only to mark the generated file's
 * originating element for incremental builds.
 */
public record DaoModel(
    ClassName type, ClassName impl, boolean isInterface, List<DaoMethodModel> methods,
    List<String> tables, Element origin) {
  public DaoModel {
    methods = List.copyOf(methods);
    tables = List.copyOf(tables);
  }
}
