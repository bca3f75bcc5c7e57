package keystone.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import keystone.processor.diagnostics.Source;

/**
 * A {@code @DatabaseView}: a named SELECT created with the schema, after the tables.
 *
 * @param name the view's name
 * @param sql its SELECT as SQLite runs it
 * @param postgresSql the SELECT PostgreSQL runs (the same text when portable)
 * @param columns its result columns, as SQLite names them
 * @param reads the tables it reads, by SQLite's plan, sorted
 */
public record ViewModel(
    String qualifiedName, ClassName type, String name, String sql, String postgresSql,
    List<String> columns, List<String> reads, Source source) {

  public ViewModel {
    columns = List.copyOf(columns);
    reads = List.copyOf(reads);
  }
}
