package keystone.cli.importer;

import static keystone.cli.schema.Sql.quote;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;
import keystone.cli.importer.TablePlan.ColumnPlan;
import keystone.cli.schema.SourceSchema.Key;

/**
 * One DAO per table: insert, upsert, delete, find by primary key, a finder per foreign key
 * ({@code findByUserId}: the rows of this table that belong to one parent row), and, when a
 * column has a default, {@code insertWithDefaults} without those columns.
 */
final class DaoWriter {
  private final String pkg;

  DaoWriter(String pkg) {
    this.pkg = pkg;
  }

  static String daoName(TablePlan plan) {
    return plan.className + "Dao";
  }

  TypeSpec write(TablePlan plan) {
    ClassName entity = ClassName.get(pkg, plan.className);
    TypeSpec.Builder dao = TypeSpec.interfaceBuilder(daoName(plan))
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(Annotations.DAO)
        .addJavadoc("Reads and writes table {@code $L}.\n", plan.table.name());
    // A WITHOUT ROWID source table has no rowid to return; every other insert returns it.
    dao.addMethod(abstractMethod("insert", plan.rowid ? TypeName.LONG : TypeName.VOID)
        .addAnnotation(Annotations.INSERT).addParameter(entity, "row").build());
    dao.addMethod(abstractMethod("upsert", TypeName.VOID)
        .addAnnotation(Annotations.UPSERT).addParameter(entity, "row").build());
    dao.addMethod(abstractMethod("delete", TypeName.INT)
        .addAnnotation(Annotations.DELETE).addParameter(entity, "row").build());
    if (plan.columns.stream().anyMatch(ColumnPlan::defaulted)) {
      dao.addMethod(insertWithDefaults(plan));
    }
    Set<String> names = new HashSet<>(Set.of("insert", "upsert", "delete",
        "insertWithDefaults"));
    dao.addMethod(finder(plan, "find", plan.table.primaryKey(), entity, false, names));
    for (Key k : plan.keys) {
      String name = "findBy" + String.join("And",
          k.columns().stream().map(JavaNames::type).toList());
      if (!names.add(name)) {
        name = name + "Of" + JavaNames.type(k.parent());
      }
      dao.addMethod(finder(plan, name, k.columns(), entity, true, names));
    }
    return dao.build();
  }

  private MethodSpec finder(TablePlan plan, String name, List<String> columns, ClassName entity,
      boolean many, Set<String> names) {
    names.add(name);
    List<String> terms = new ArrayList<>();
    MethodSpec.Builder m = abstractMethod(name,
        many ? ParameterizedTypeName.get(ClassName.get(List.class), entity) : entity);
    for (String column : columns) {
      ColumnPlan c = plan.columns.stream()
          .filter(p -> p.column().name().equalsIgnoreCase(column)).findFirst().orElseThrow();
      terms.add(quote(c.column().name()) + " = :" + c.member());
      m.addParameter(c.type().type(), c.member());
    }
    String sql = "SELECT * FROM " + quote(plan.table.name()) + " WHERE "
        + String.join(" AND ", terms);
    return m.addAnnotation(Annotations.of(Annotations.QUERY, "value", "$S", sql)).build();
  }

  /**
   * An insert that leaves out the columns with a default (and a generated key), so that the
   * database writes them: {@code insert(row)} writes every column, a null too, and a PostgreSQL
   * default such as {@code now()} has no Java value to stand for it.
   */
  private MethodSpec insertWithDefaults(TablePlan plan) {
    MethodSpec.Builder m = abstractMethod("insertWithDefaults", TypeName.INT)
        .addJavadoc("Inserts a row, the database writing each column left out here: $L.\n",
            String.join(", ", plan.columns.stream().filter(ColumnPlan::defaulted)
                .map(c -> c.column().name()).toList()))
        .addJavadoc("\n@return the rows inserted (1)\n");
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (ColumnPlan c : plan.columns) {
      boolean generated = plan.autoGenerate
          && plan.table.primaryKey().get(0).equalsIgnoreCase(c.column().name());
      if (!c.defaulted() && !generated) {
        columns.add(quote(c.column().name()));
        values.add(":" + c.member());
        m.addParameter(c.type().type(), c.member());
      }
    }
    String sql = "INSERT INTO " + quote(plan.table.name()) + (columns.isEmpty()
        ? " DEFAULT VALUES"
        : " (" + String.join(", ", columns) + ") VALUES (" + String.join(", ", values) + ")");
    return m.addAnnotation(Annotations.of(Annotations.QUERY, "value", "$S", sql)).build();
  }

  private static MethodSpec.Builder abstractMethod(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .returns(returns);
  }
}
