package keystone.cli.importer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;
import keystone.cli.schema.SourceSchema.Column;
import keystone.cli.schema.SourceSchema.Dialect;
import keystone.cli.schema.SourceSchema.Outside;

/**
 * A {@code @DatabaseView} record per view of an SQLite source. The engine compares a file's
 * view with the compiled one by the SELECT as SQLite stored it (whitespace aside), so the SELECT
 * is copied from the file's own {@code CREATE VIEW} text, and the record's components follow the
 * view's columns (boxed: a view column can always be NULL).
 */
final class ViewWriter {
  /** The head of a stored CREATE VIEW without a column list: what follows is the SELECT. */
  private static final Pattern HEAD = Pattern.compile(
      "(?is)^\\s*CREATE\\s+VIEW\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:\"(?:[^\"]|\"\")*\"|`[^`]*`"
          + "|\\[[^]]*]|[\\w$]+)\\s+AS\\s+(.*)$");

  private ViewWriter() {}

  /** The record class name of a view. */
  static String className(Outside view) {
    return JavaNames.type(view.name());
  }

  /**
   * Why {@code view} cannot be written, or empty when it can: a PostgreSQL source's SQL need
   * not run on SQLite, a column list or a broken view has no SELECT to copy, and a view over a
   * table left out would not prepare against the generated schema.
   */
  static Optional<String> refusal(Outside view, Dialect dialect, Collection<String> leftOut) {
    if (dialect != Dialect.SQLITE) {
      return Optional.of("its SQL is PostgreSQL's, and a @DatabaseView's SELECT must also"
          + " prepare on SQLite; write the view by hand with @DatabaseView(value, postgres)");
    }
    if (view.columns().isEmpty() || !HEAD.matcher(view.sql()).matches()) {
      return Optional.of("it has a column list or no longer prepares");
    }
    for (String table : leftOut) {
      if (Pattern.compile("(?i)(?<![\\w$])\"?" + Pattern.quote(table) + "\"?(?![\\w$])")
          .matcher(select(view)).find()) {
        return Optional.of("it reads " + table + ", which is left out");
      }
    }
    return Optional.empty();
  }

  static String select(Outside view) {
    Matcher m = HEAD.matcher(view.sql());
    return m.matches() ? m.group(1).strip() : "";
  }

  static TypeSpec write(Outside view, String origin) {
    MethodSpec.Builder components = MethodSpec.constructorBuilder();
    for (Column c : view.columns()) {
      JavaType.Kind kind = JavaType.sqliteKind(c.type().toLowerCase(Locale.ROOT));
      components.addParameter(ParameterSpec.builder(kind.type(true), JavaNames.member(c.name()))
          .addAnnotation(Annotations.of(Annotations.COLUMN, "name", "$S", c.name())).build());
    }
    return TypeSpec.recordBuilder(className(view))
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(AnnotationSpec.builder(Annotations.DATABASE_VIEW)
            .addMember("viewName", "$S", view.name())
            .addMember("value", "$S", select(view))
            .build())
        .recordConstructor(components.build())
        .addJavadoc("View {@code $L}, imported from $L by {@code keystone import}.\n",
            view.name(), origin)
        .build();
  }
}
