package keystone.processor.writing;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import keystone.processor.model.DaoMethodModel;
import keystone.processor.model.QueryModel;

/**
 * The SQL text of a {@code @Query} as generated code refers to it: a constant, or when the query
 * has a PostgreSQL variant a final field that the constructor set from the engine's dialect.
 */
final class QuerySql {
  private QuerySql() {}

  /** The whole statement, for a query without expansions. */
  static CodeBlock statement(DaoMethodModel.Query m, DaoWriter.Constants constants) {
    QueryModel q = m.query();
    String name = m.signature().name();
    String sql = String.join("?", q.fragments());
    if (!q.hasPostgres()) {
      return CodeBlock.of("$L", constants.add(name, sql));
    }
    String postgres = String.join("?", q.postgresFragments());
    return CodeBlock.of("this.$L", constants.byDialect(name, TypeName.get(String.class),
        CodeBlock.of("$S", sql), CodeBlock.of("$S", postgres)));
  }

  /**
   * The SQL between placeholders, fragment {@code i} as an expression, for SQL built per call:
   * literals, or elements of the {@code String[]} field chosen at construction. An empty fragment
   * is null, so that nothing is appended for it.
   */
  static List<CodeBlock> fragments(DaoMethodModel.Query m, DaoWriter.Constants constants) {
    QueryModel q = m.query();
    List<CodeBlock> out = new ArrayList<>();
    if (!q.hasPostgres()) {
      q.fragments().forEach(f -> out.add(f.isEmpty() ? null : CodeBlock.of("$S", f)));
      return out;
    }
    String field = constants.byDialect(m.signature().name(), ArrayTypeName.of(String.class),
        array(q.fragments()), array(q.postgresFragments()));
    for (int i = 0; i < q.fragments().size(); i++) {
      boolean empty = q.fragments().get(i).isEmpty() && q.postgresFragments().get(i).isEmpty();
      out.add(empty ? null : CodeBlock.of("this.$L[$L]", field, i));
    }
    return out;
  }

  private static CodeBlock array(List<String> fragments) {
    return CodeBlock.of("{$L}", CodeBlock.join(
        fragments.stream().map(f -> CodeBlock.of("$S", f)).toList(), ", "));
  }
}
