package keystone.engine.sqlite.diagnosis;

import java.util.List;
import java.util.stream.Collectors;

/** Identifier quoting for SQL the diagnosis writes (https://www.sqlite.org/lang_keywords.html). */
final class Sql {
  private Sql() {}

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String columnList(List<String> columns) {
    return columns.stream().map(Sql::quote).collect(Collectors.joining(", "));
  }

  static String qualified(String prefix, List<String> columns, String separator) {
    return columns.stream().map(c -> prefix + quote(c)).collect(Collectors.joining(separator));
  }
}
