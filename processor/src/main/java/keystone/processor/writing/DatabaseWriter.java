package keystone.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.DatabaseModel;
import keystone.processor.model.DatabaseModel.DaoAccessor;
import keystone.processor.model.DatabaseModel.Delegate;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ForeignKeyModel;
import keystone.processor.sql.PostgresDdl;

/** Renders {@code <Database>_Impl}: the schema constant, the DAOs and the engine forwarding. */
public final class DatabaseWriter {
  private static final ClassName SCHEMA = ClassName.get("keystone.engine.spi", "Schema");
  private static final ClassName TABLE_INFO = ClassName.get("keystone.engine.spi", "TableInfo");
  private static final ClassName VALUE_TYPE = ClassName.get("keystone.engine.spi", "ValueType");
  private static final ClassName FK_INFO = ClassName.get("keystone.engine.spi", "ForeignKeyInfo");
  private static final ClassName ACTION = ClassName.get("keystone", "ForeignKey", "Action");
  private static final ClassName LIST = ClassName.get("java.util", "List");

  private DatabaseWriter() {}

  public static TypeSpec write(DatabaseModel db) {
    TypeSpec.Builder type = GeneratedFiles.classBuilder(db.impl(), db.origins())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    if (db.isInterface()) {
      type.addSuperinterface(db.type());
    } else {
      type.superclass(db.type());
    }
    type.addField(FieldSpec.builder(SCHEMA, "SCHEMA",
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer(schema(db))
        .build());
    type.addField(GeneratedFiles.ENGINE, "engine", Modifier.PRIVATE, Modifier.FINAL);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addParameter(GeneratedFiles.ENGINE, "engine")
        .addStatement("this.engine = engine");
    for (DaoAccessor dao : db.daos()) {
      String field = fieldName(dao);
      type.addField(dao.daoImpl(), field, Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement("this.$L = new $T(engine)", field, dao.daoImpl());
      type.addMethod(dao.signature().toBuilder().addStatement("return $L", field).build());
    }
    type.addMethod(constructor.build());
    for (Delegate d : db.delegates()) {
      String args = String.join(", ", d.signature().parameters().stream().map(p -> p.name())
          .toList());
      MethodSpec.Builder m = d.signature().toBuilder();
      if (d.returnsVoid()) {
        m.addStatement("engine.$L($L)", d.signature().name(), args);
      } else {
        m.addStatement("return engine.$L($L)", d.signature().name(), args);
      }
      type.addMethod(m.build());
    }
    return type.build();
  }

  private static String fieldName(DaoAccessor dao) {
    String name = dao.signature().name();
    return name.equals("engine") ? "engineDao" : name;
  }

  private static CodeBlock schema(DatabaseModel db) {
    List<CodeBlock> statements = new ArrayList<>();
    for (String ddl : db.ddl()) {
      statements.add(CodeBlock.of("$S", ddl));
    }
    List<CodeBlock> postgres = new ArrayList<>();
    for (String ddl : PostgresDdl.statements(db.entities(), db.views())) {
      postgres.add(CodeBlock.of("$S", ddl));
    }
    List<CodeBlock> tables = new ArrayList<>();
    List<CodeBlock> keys = new ArrayList<>();
    for (EntityModel e : db.entities()) {
      // The binary name lets the engine map an entity class to its table (previewDelete); the
      // value types let a failure print a key as the Java values would.
      tables.add(CodeBlock.of("new $T($S, $L, $L, $S, $L)", TABLE_INFO, e.table(),
          strings(e.columnNames()), strings(e.primaryKey()), e.type().reflectionName(),
          valueTypes(e)));
      for (ForeignKeyModel fk : e.foreignKeys()) {
        keys.add(CodeBlock.of("new $T($S, $S, $L, $S, $L, $T.$L, $T.$L, $L)", FK_INFO, fk.name(),
            e.table(), strings(fk.childColumns()), fk.parentTable(),
            strings(fk.parentColumns()), ACTION, fk.onDelete().name(), ACTION,
            fk.onUpdate().name(), fk.deferred()));
      }
    }
    CodeBlock.Builder b = CodeBlock.builder()
        .add("new $T(\n$>$>$L,\n", SCHEMA, db.version())
        .add("$L,\n$L,\n$L,\n$L", list(statements), list(tables), list(keys), list(postgres));
    if (!db.views().isEmpty()) {
      List<CodeBlock> views = new ArrayList<>();
      for (var v : db.views()) {
        views.add(CodeBlock.of("new $T($S, $L, $T.of(), $S)", TABLE_INFO, v.name(),
            strings(v.columns()), LIST, v.type().reflectionName()));
      }
      b.add(",\n$L", list(views));
    }
    return b.add(")$<$<").build();
  }

  private static CodeBlock list(List<CodeBlock> items) {
    if (items.isEmpty()) {
      return CodeBlock.of("$T.of()", LIST);
    }
    return CodeBlock.of("$T.of(\n$>$>$L$<$<)", LIST, CodeBlock.join(items, ",\n"));
  }

  /** Each column's {@code ValueType}: its adapter's built-in type, a converter's column side. */
  private static CodeBlock valueTypes(EntityModel e) {
    List<CodeBlock> items = new ArrayList<>();
    for (ColumnModel c : e.columns()) {
      items.add(CodeBlock.of("$T.$L", VALUE_TYPE, c.value().adapter().builtIn().name()));
    }
    return CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(items, ", "));
  }

  private static CodeBlock strings(List<String> names) {
    List<CodeBlock> items = new ArrayList<>();
    for (String n : names) {
      items.add(CodeBlock.of("$S", n));
    }
    return CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(items, ", "));
  }
}
