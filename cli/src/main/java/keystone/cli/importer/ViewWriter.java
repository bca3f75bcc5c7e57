package keystone.cli.importer;

import static keystone.cli.schema.Sql.quote;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;
import keystone.cli.schema.SourceSchema.Column;
import keystone.cli.schema.SourceSchema.Dialect;

/**
 * A {@code @DatabaseView} record per imported view, one boxed component per view column (a view
 * column can always be NULL), typed as a table's column of that type would be; and a DAO that
 * reads it.
 */
final class ViewWriter {
  private final String pkg;
  private final Dialect dialect;
  private final Values values;

  ViewWriter(String pkg, Dialect dialect, Values values) {
    this.pkg = pkg;
    this.dialect = dialect;
    this.values = values;
  }

  /** The record class name of a view. */
  static String className(ViewPlan view) {
    return JavaNames.type(view.view().name());
  }

  static String daoName(ViewPlan view) {
    return className(view) + "Dao";
  }

  TypeSpec write(ViewPlan plan, String origin, List<Note> notes) {
    MethodSpec.Builder components = MethodSpec.constructorBuilder();
    String name = plan.view().name();
    for (Column c : plan.view().columns()) {
      TypeName type;
      if (dialect == Dialect.SQLITE) {
        type = JavaType.sqliteKind(c.type().toLowerCase(Locale.ROOT)).type(true);
      } else {
        JavaType pg = JavaType.of(name, c, true, false, dialect, values);
        type = pg.type();
        if (pg.note() != null) {
          notes.add(new Note(name, "view column " + c.name() + " is PostgreSQL " + c.type()
              + ", read as " + type, false));
        }
      }
      components.addParameter(ParameterSpec.builder(type, JavaNames.member(c.name()))
          .addAnnotation(Annotations.of(Annotations.COLUMN, "name", "$S", c.name())).build());
    }
    AnnotationSpec.Builder view = AnnotationSpec.builder(Annotations.DATABASE_VIEW)
        .addMember("viewName", "$S", name)
        .addMember("value", "$S", plan.sqlite());
    if (plan.postgres() != null) {
      view.addMember("postgres", "$S", plan.postgres());
    }
    TypeSpec.Builder record = TypeSpec.recordBuilder(className(plan))
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(view.build())
        .recordConstructor(components.build())
        .addJavadoc("View {@code $L}, imported from $L by {@code keystone import}.\n", name,
            origin);
    if (plan.postgres() != null) {
      record.addJavadoc("{@code value} is PostgreSQL's SELECT rewritten for SQLite, where the"
          + " processor checks it; PostgreSQL runs {@code postgres}.\n");
    }
    return record.build();
  }

  /** {@code List<View> all()}: the view's rows, as the view orders them. */
  TypeSpec dao(ViewPlan plan) {
    ClassName type = ClassName.get(pkg, className(plan));
    return TypeSpec.interfaceBuilder(daoName(plan))
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(Annotations.DAO)
        .addJavadoc("Reads view {@code $L}.\n", plan.view().name())
        .addMethod(MethodSpec.methodBuilder("all")
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .returns(ParameterizedTypeName.get(ClassName.get(List.class), type))
            .addAnnotation(Annotations.of(Annotations.QUERY, "value", "$S",
                "SELECT * FROM " + quote(plan.view().name())))
            .build())
        .build();
  }
}
