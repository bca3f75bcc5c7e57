package keystone.cli.importer;

import static keystone.cli.importer.Annotations.strings;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.Map;
import keystone.cli.importer.TablePlan.ColumnPlan;
import keystone.cli.schema.SourceSchema.Index;
import keystone.cli.schema.SourceSchema.Key;

/** One {@code @Entity} record per table, every name given explicitly as the source spells it. */
final class EntityWriter {
  private final String pkg;
  private final Map<String, TablePlan> byTable;

  EntityWriter(String pkg, Map<String, TablePlan> byTable) {
    this.pkg = pkg;
    this.byTable = byTable;
  }

  TypeSpec write(TablePlan plan, String origin) {
    MethodSpec.Builder components = MethodSpec.constructorBuilder();
    for (ColumnPlan c : plan.columns) {
      components.addParameter(component(plan, c));
    }
    TypeSpec.Builder type = TypeSpec.recordBuilder(plan.className)
        .addModifiers(javax.lang.model.element.Modifier.PUBLIC)
        .addAnnotation(entity(plan))
        .recordConstructor(components.build())
        .addJavadoc("Table {@code $L}, imported from $L by {@code keystone import}.\n",
            plan.table.name(), origin);
    Comments.notes(type, plan.notes);
    return type.build();
  }

  private ParameterSpec component(TablePlan plan, ColumnPlan c) {
    ParameterSpec.Builder p = ParameterSpec.builder(c.type().type(), c.member());
    boolean key = plan.table.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(c.column()
        .name()));
    if (key && plan.table.primaryKey().size() == 1) {
      p.addAnnotation(plan.autoGenerate
          ? AnnotationSpec.builder(Annotations.PRIMARY_KEY).addMember("autoGenerate", "true")
              .build()
          : AnnotationSpec.builder(Annotations.PRIMARY_KEY).build());
    }
    AnnotationSpec.Builder column = AnnotationSpec.builder(Annotations.COLUMN)
        .addMember("name", "$S", c.column().name());
    if (c.dflt() != null) {
      column.addMember("defaultValue", "$S", c.dflt());
    }
    if (c.unique()) {
      column.addMember("unique", "true");
    }
    p.addAnnotation(column.build());
    if (!c.type().type().isPrimitive() && (c.column().notNull() || key)) {
      p.addAnnotation(Annotations.NOT_NULL);
    }
    if (c.check() != null) {
      p.addAnnotation(Annotations.of(Annotations.CHECK, "value", "$S", c.check()));
    }
    return p.build();
  }

  private AnnotationSpec entity(TablePlan plan) {
    AnnotationSpec.Builder entity = AnnotationSpec.builder(Annotations.ENTITY)
        .addMember("table", "$S", plan.table.name());
    if (plan.table.primaryKey().size() > 1) {
      entity.addMember("primaryKey", "$L", strings(plan.table.primaryKey()));
    }
    for (Key k : plan.keys) {
      entity.addMember("foreignKeys", "$L", key(k));
    }
    for (Index i : plan.indexes) {
      AnnotationSpec.Builder index = AnnotationSpec.builder(Annotations.INDEX)
          .addMember("name", "$S", plan.indexName(i))
          .addMember("columns", "$L", strings(i.columns()));
      if (i.unique()) {
        index.addMember("unique", "true");
      }
      entity.addMember("indices", "$L", index.build());
    }
    for (String check : plan.checks) {
      entity.addMember("checks", "$S", check);
    }
    return entity.build();
  }

  /**
   * Every key as a {@code @CompositeForeignKey}, even single-column ones, so that one column may
   * be in several keys; {@code index = false} because the source's own indexes are copied.
   */
  private AnnotationSpec key(Key k) {
    TablePlan parent = byTable.get(k.parent().toLowerCase(java.util.Locale.ROOT));
    AnnotationSpec.Builder key = AnnotationSpec.builder(Annotations.COMPOSITE_KEY)
        .addMember("name", "$S", k.name())
        .addMember("entity", "$T.class", ClassName.get(pkg, parent.className))
        .addMember("columns", "$L", strings(k.columns()))
        .addMember("parentColumns", "$L", strings(k.parentColumns()));
    if (!k.onDelete().equals("NO ACTION")) {
      key.addMember("onDelete", "$L", Annotations.action(k.onDelete()));
    }
    if (!k.onUpdate().equals("NO ACTION")) {
      key.addMember("onUpdate", "$L", Annotations.action(k.onUpdate()));
    }
    if (k.initiallyDeferred()) {
      key.addMember("deferred", "true");
    }
    key.addMember("index", "false");
    return key.build();
  }
}
