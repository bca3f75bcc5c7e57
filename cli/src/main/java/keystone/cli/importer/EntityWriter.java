package keystone.cli.importer;

import static keystone.cli.importer.Annotations.strings;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Locale;
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
    if (c.type().sqliteType() != null) {
      column.addMember("sqliteType", "$S", c.type().sqliteType());
    }
    if (c.type().postgresType() != null) {
      column.addMember("postgresType", "$S", c.type().postgresType());
    }
    if (c.nullableKey()) {
      column.addMember("nullableKey", "true");
    }
    if (c.postgresDefault() != null) {
      column.addMember("postgresDefault", "$S", c.postgresDefault());
    }
    p.addAnnotation(column.build());
    Key own = ownKey(plan, c.column().name());
    if (own != null) {
      p.addAnnotation(singleKey(plan, own));
    }
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
      if (!ownsColumn(plan, k)) {
        entity.addMember("foreignKeys", "$L", key(plan, k));
      }
    }
    for (Index i : plan.indexes) {
      AnnotationSpec.Builder index = AnnotationSpec.builder(Annotations.INDEX)
          .addMember("name", "$S", plan.indexName(i))
          .addMember("columns", "$L", strings(i.columns()));
      if (i.unique()) {
        index.addMember("unique", "true");
      }
      if (i.constraint()) {
        index.addMember("constraint", "true");
      }
      entity.addMember("indices", "$L", index.build());
    }
    for (String check : plan.checks) {
      entity.addMember("checks", "$S", check);
    }
    return entity.build();
  }

  /**
   * A single-column key is written on its component as {@code @ForeignKey}, as a person would,
   * unless its column is in another key too; the others go in {@code @Entity(foreignKeys)}.
   */
  private static boolean ownsColumn(TablePlan plan, Key k) {
    return k.columns().size() == 1 && plan.keys.stream()
        .filter(other -> other.columns().stream().anyMatch(k.columns().get(0)::equalsIgnoreCase))
        .count() == 1;
  }

  private static Key ownKey(TablePlan plan, String column) {
    return plan.keys.stream()
        .filter(k -> ownsColumn(plan, k) && k.columns().get(0).equalsIgnoreCase(column))
        .findFirst().orElse(null);
  }

  private AnnotationSpec singleKey(TablePlan plan, Key k) {
    TablePlan parent = parent(k);
    AnnotationSpec.Builder key = AnnotationSpec.builder(Annotations.FOREIGN_KEY)
        .addMember("entity", "$T.class", ClassName.get(pkg, parent.className));
    List<String> parentKey = parent.table.primaryKey();
    if (!(parentKey.size() == 1 && parentKey.get(0).equalsIgnoreCase(k.parentColumns().get(0)))) {
      key.addMember("column", "$S", k.parentColumns().get(0));
    }
    return keyOptions(plan, k, key);
  }

  /**
   * A key over several columns, or over a column in several keys, as a {@code
   * @CompositeForeignKey}; {@code index = false} on every key because the source's own indexes
   * are copied by name.
   */
  private AnnotationSpec key(TablePlan plan, Key k) {
    AnnotationSpec.Builder key = AnnotationSpec.builder(Annotations.COMPOSITE_KEY)
        .addMember("entity", "$T.class", ClassName.get(pkg, parent(k).className))
        .addMember("columns", "$L", strings(k.columns()))
        .addMember("parentColumns", "$L", strings(k.parentColumns()));
    return keyOptions(plan, k, key);
  }

  private TablePlan parent(Key k) {
    return byTable.get(k.parent().toLowerCase(Locale.ROOT));
  }

  /** Actions, deferral, and the name only when it is not the processor's default one. */
  private static AnnotationSpec keyOptions(TablePlan plan, Key k, AnnotationSpec.Builder key) {
    if (!k.onDelete().equals("NO ACTION")) {
      key.addMember("onDelete", "$L", Annotations.action(k.onDelete()));
    }
    if (!k.onUpdate().equals("NO ACTION")) {
      key.addMember("onUpdate", "$L", Annotations.action(k.onUpdate()));
    }
    if (k.initiallyDeferred()) {
      key.addMember("deferred", "true");
    }
    String defaultName = "fk_" + plan.table.name() + "_" + String.join("_", k.columns());
    if (!k.name().equals(defaultName)) {
      key.addMember("name", "$S", k.name());
    }
    return key.addMember("index", "false").build();
  }
}
