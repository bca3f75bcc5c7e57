package keystone.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import java.util.ArrayList;
import java.util.List;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.DaoMethodModel;
import keystone.processor.model.DaoMethodModel.Arity;
import keystone.processor.model.DaoMethodModel.Returns;
import keystone.processor.model.EntityModel;
import keystone.processor.sql.EntitySql;

/** Bodies of {@code @Insert}, {@code @Upsert}, {@code @Update} and {@code @Delete} methods. */
final class WriteMethods {
  private static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  private static final ClassName LIST = ClassName.get("java.util", "List");

  private WriteMethods() {}

  static CodeBlock insert(DaoMethodModel.Insert m, DaoWriter.Constants constants) {
    EntityModel e = m.entity();
    boolean wantsIds = m.returns() != Returns.VOID;
    boolean returning = m.upsert() && wantsIds;
    String sql = m.upsert() ? EntitySql.upsert(e, returning) : EntitySql.insert(e, m.onConflict());
    String constant = constants.add(m.signature().name(), sql);
    String item = m.arity() == Arity.SINGLE ? m.parameter() : local(m, "item");
    CodeBlock.Builder row = CodeBlock.builder().add(bindAll(e, e.columns(), item, true));
    CodeBlock execute = returning
        ? CodeBlock.of("st.step() ? st.columnLong(0) : -1")
        : CodeBlock.of("st.executeInsert()");
    CodeBlock.Builder b = open(constant);
    String ids = local(m, "ids");
    switch (m.returns()) {
      case VOID -> {
        row.addStatement(returning ? "st.step()" : "st.executeUpdate()");
        b.add(loop(m, item, row.build()));
      }
      case LONG -> {
        b.add(row.build()).addStatement("long id = $L", execute);
        if (returning) {
          b.addStatement("st.reset()");
        }
        b.addStatement("scope.succeed()").addStatement("return id");
      }
      case LONG_ARRAY, LONG_LIST -> {
        b.addStatement("$T $L = new $T<>()",
            ParameterizedTypeName.get(LIST, ClassName.get(Long.class)), ids, ARRAY_LIST);
        row.addStatement("$L.add($L)", ids, execute);
        if (returning) {
          row.addStatement("st.reset()");
        }
        b.add(loop(m, item, row.build()));
      }
      default -> throw new IllegalStateException(m.returns().toString());
    }
    if (m.returns() == Returns.LONG_ARRAY) {
      b.addStatement("scope.succeed()")
          .addStatement("return $L.stream().mapToLong(Long::longValue).toArray()", ids);
    } else if (m.returns() == Returns.LONG_LIST) {
      b.addStatement("scope.succeed()").addStatement("return $L", ids);
    } else if (m.returns() == Returns.VOID) {
      b.addStatement("scope.succeed()");
    }
    return close(b);
  }

  static CodeBlock updateOrDelete(DaoMethodModel.UpdateOrDelete m, DaoWriter.Constants constants) {
    EntityModel e = m.entity();
    List<ColumnModel> bound = new ArrayList<>();
    if (!m.delete()) {
      bound.addAll(EntitySql.updateColumns(e));
    }
    bound.addAll(EntitySql.keyColumns(e));
    String sql = m.delete() ? EntitySql.delete(e) : EntitySql.update(e);
    String constant = constants.add(m.signature().name(), sql);
    String item = m.arity() == Arity.SINGLE ? m.parameter() : local(m, "item");
    String count = local(m, "count");
    CodeBlock.Builder b = open(constant);
    if (m.returns() == Returns.INT) {
      b.addStatement("int $L = 0", count);
    }
    CodeBlock.Builder row = CodeBlock.builder().add(bindAll(e, bound, item, false));
    if (m.returns() == Returns.INT) {
      row.addStatement("$L += st.executeUpdate()", count);
    } else {
      row.addStatement("st.executeUpdate()");
    }
    b.add(loop(m.arity(), m.parameter(), item, m.entity(), row.build()));
    b.addStatement("scope.succeed()");
    if (m.returns() == Returns.INT) {
      b.addStatement("return $L", count);
    }
    return close(b);
  }

  private static CodeBlock loop(DaoMethodModel.Insert m, String item, CodeBlock row) {
    return loop(m.arity(), m.parameter(), item, m.entity(), row);
  }

  /** Several entities share one scope and one prepared statement; binding overwrites. */
  private static CodeBlock loop(
      Arity arity, String parameter, String item, EntityModel e, CodeBlock row) {
    if (arity == Arity.SINGLE) {
      return row;
    }
    return CodeBlock.builder()
        .beginControlFlow("for ($T $L : $L)", e.type(), item, parameter)
        .add(row)
        .endControlFlow()
        .build();
  }

  private static CodeBlock bindAll(
      EntityModel e, List<ColumnModel> columns, String item, boolean insert) {
    CodeBlock.Builder b = CodeBlock.builder();
    int index = 1;
    for (ColumnModel c : columns) {
      CodeBlock value = Values.get(item, c.getter());
      CodeBlock at = CodeBlock.of("$L", index++);
      if (insert && e.autoGenerate() && e.isPrimaryKey(c)) {
        // 0 (or null) asks SQLite for a new rowid: https://www.sqlite.org/autoinc.html
        String empty = c.value().reference() ? "null" : "0";
        b.beginControlFlow("if ($L == $L)", value, empty)
            .addStatement("st.bindNull($L)", at)
            .nextControlFlow("else")
            .addStatement("st.bindLong($L, $L)", at, value)
            .endControlFlow();
      } else {
        b.add(Values.bind(c.value(), at, value));
      }
    }
    return b.build();
  }

  static CodeBlock.Builder open(String sqlConstant) {
    return CodeBlock.builder()
        .addStatement("$T scope = engine.begin(true)", GeneratedFiles.CALL_SCOPE)
        .beginControlFlow("try")
        .addStatement("$T st = scope.prepare($L)", GeneratedFiles.SQL_STATEMENT, sqlConstant);
  }

  static CodeBlock close(CodeBlock.Builder b) {
    return b.nextControlFlow("finally").addStatement("scope.end()").endControlFlow().build();
  }

  /** A local name that does not shadow a parameter. */
  static String local(DaoMethodModel m, String name) {
    String out = name;
    while (taken(m, out)) {
      out = out + "_";
    }
    return out;
  }

  private static boolean taken(DaoMethodModel m, String name) {
    return List.of("scope", "st").contains(name)
        || m.signature().parameters().stream().anyMatch(p -> p.name().equals(name));
  }
}
