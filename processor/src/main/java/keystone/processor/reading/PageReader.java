package keystone.processor.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.ResultModel;
import keystone.processor.model.ResultModel.ResultProperty;
import keystone.processor.sql.KeysetSql;
import keystone.processor.sql.KeysetSql.Term;

/**
 * A keyset page, {@code Page<T, K>}: rows of T, and K, the key the next page starts after, built
 * from the last row's columns. The query must order by exactly K's columns in one direction (what
 * a row-value comparison {@code (a, b) > (:a, :b)} pages by) and end with {@code LIMIT :n}.
 */
final class PageReader {
  static final String PAGE = "keystone.engine.Page";

  /** The row and key models, and the parameter bound to LIMIT. */
  record PageShape(ResultModel row, ResultModel key, String limit) {}

  private final Env env;
  private final ResultReader results;
  private final PropertyReader properties;

  PageReader(Env env, ResultReader results) {
    this.env = env;
    this.results = results;
    this.properties = new PropertyReader(env);
  }

  Optional<PageShape> read(ExecutableElement m, String sql, DeclaredType page,
      List<String> columns, Source at, Report report, DaoContext ctx) {
    List<? extends TypeMirror> args = page.getTypeArguments();
    if (args.size() != 2) {
      report.add(at, Message.QUERY_RETURN_TYPE, page, "give the row and key types");
      return Optional.empty();
    }
    Optional<ResultModel> row = results.read(args.get(0), columns, at, report, ctx);
    Optional<ResultModel> key = results.read(args.get(1), columns, at, report, ctx);
    if (row.isEmpty() || key.isEmpty()) {
      return Optional.empty();
    }
    if (row.get().hasRelations() || key.get().hasRelations() || key.get().scalar() != null) {
      report.add(at, Message.QUERY_RETURN_TYPE, page,
          "a page's rows and key are records or classes built from one row, without @Relation");
      return Optional.empty();
    }
    String keyType = env.types().asElement(args.get(1)).getSimpleName().toString();
    for (Property p : properties.read((TypeElement) env.types().asElement(args.get(1)))) {
      if (ValueTypes.nullable(p.type(), p.declarations())) {
        report.add(at, Message.PAGE_KEY_NULLABLE, keyType, p.name());
        return Optional.empty();
      }
    }
    List<String> keyColumns = new ArrayList<>();
    for (ResultProperty p : key.get().properties()) {
      keyColumns.add(columns.get(p.column()));
    }
    KeysetSql.Keyset keyset = KeysetSql.read(sql);
    if (!matches(keyset.orderBy(), keyColumns)) {
      String rowType = env.types().asElement(args.get(0)).getSimpleName().toString();
      report.add(at, Message.PAGE_ORDER_BY, rowType, keyType, String.join(", ", keyColumns),
          String.join(", ", keyColumns), keyset.orderBy().isEmpty() ? "nothing"
              : String.join(", ", keyset.orderBy().stream().map(Term::text).toList()));
      return Optional.empty();
    }
    if (keyset.limit() == null || !isCount(m, keyset.limit())) {
      report.add(at, Message.PAGE_LIMIT);
      return Optional.empty();
    }
    return Optional.of(new PageShape(row.get(), key.get(), keyset.limit()));
  }

  private static boolean matches(List<Term> orderBy, List<String> keyColumns) {
    if (orderBy.size() != keyColumns.size() || orderBy.isEmpty()) {
      return false;
    }
    boolean descending = orderBy.get(0).descending();
    for (int i = 0; i < orderBy.size(); i++) {
      Term t = orderBy.get(i);
      if (t.column() == null || t.descending() != descending
          || !t.column().toLowerCase(Locale.ROOT).equals(
              keyColumns.get(i).toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code name} is an int or long parameter of {@code m}. */
  private static boolean isCount(ExecutableElement m, String name) {
    for (VariableElement p : m.getParameters()) {
      if (p.getSimpleName().contentEquals(name)) {
        TypeKind k = p.asType().getKind();
        return k == TypeKind.INT || k == TypeKind.LONG;
      }
    }
    return false;
  }
}
