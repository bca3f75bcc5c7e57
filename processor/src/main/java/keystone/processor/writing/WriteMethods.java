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
  private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");

  private WriteMethods() {}

  static CodeBlock insert(DaoMethodModel.Insert m, DaoWriter.Constants constants) {
    EntityModel e = m.entity();
    // An insert that returns ids reads them with RETURNING in the same step: no second
    // statement for last_insert_rowid(), which an upsert's update path would not even set.
    boolean returning = m.returns() != Returns.VOID;
    String sql = m.upsert()
        ? EntitySql.upsert(e, returning)
        : EntitySql.insert(e, m.onConflict()) + (returning ? " RETURNING rowid" : "");
    String constant = constants.add(m.signature().name(), sql);
    String item = m.arity() == Arity.SINGLE ? m.parameter() : local(m, "item");
    CodeBlock bind = bindAll(e, e.columns(), item, true);
    CodeBlock id = returning
        ? CodeBlock.of("st.step() ? st.columnLong(0) : -1")
        : CodeBlock.of("st.executeInsert()");
    // Several rows that each return an id run as several statements; anything else is one
    // statement or one batch, which the engine may run without a savepoint.
    boolean oneStatement = m.arity() == Arity.SINGLE || m.returns() == Returns.VOID;
    // Only REPLACE (which deletes) and an upsert's DO UPDATE can fire foreign-key actions.
    boolean runsActions = m.upsert() || m.onConflict() == keystone.OnConflict.REPLACE;
    CodeBlock.Builder b =
        open(constant, changes(m.signature().name(), m.changes(), constants), oneStatement,
            runsActions);
    switch (m.returns()) {
      case VOID -> b.add(executeAll(m.arity(), m.parameter(), item, e, bind, null));
      case LONG -> {
        String result = local(m, "id");
        b.add(bind).addStatement("long $L = $L", result, id);
        if (returning) {
          b.addStatement("st.reset()");
        }
        b.addStatement("scope.succeed()").addStatement("return $L", result);
      }
      case LONG_ARRAY -> b.add(idArray(m, item, bind, id, returning));
      case LONG_LIST -> {
        String ids = local(m, "ids");
        b.addStatement("$T $L = new $T<>($L)",
            ParameterizedTypeName.get(LIST, ClassName.get(Long.class)), ids, ARRAY_LIST,
            size(m.arity(), m.parameter()));
        CodeBlock.Builder row = CodeBlock.builder().add(bind).addStatement("$L.add($L)", ids, id);
        if (returning) {
          row.addStatement("st.reset()");
        }
        b.add(loop(m.arity(), m.parameter(), item, e, row.build()))
            .addStatement("scope.succeed()")
            .addStatement("return $L", ids);
      }
      default -> throw new IllegalStateException(m.returns().toString());
    }
    return close(b);
  }

  /**
   * Ids straight into a {@code long[]}, no boxing: sized up front when the count is known, else
   * grown by doubling and trimmed once at the end.
   */
  private static CodeBlock idArray(
      DaoMethodModel.Insert m, String item, CodeBlock bind, CodeBlock id, boolean returning) {
    String ids = local(m, "ids");
    String n = local(m, "n");
    boolean known = m.arity() != Arity.ITERABLE;
    CodeBlock.Builder row = CodeBlock.builder().add(bind);
    if (!known) {
      row.beginControlFlow("if ($L == $L.length)", n, ids)
          .addStatement("$L = $T.copyOf($L, $L * 2)", ids, ARRAYS, ids, n)
          .endControlFlow();
    }
    row.addStatement("$L[$L++] = $L", ids, n, id);
    if (returning) {
      row.addStatement("st.reset()");
    }
    CodeBlock.Builder b = CodeBlock.builder()
        .addStatement("long[] $L = new long[$L]", ids,
            known ? size(m.arity(), m.parameter()) : CodeBlock.of("16"))
        .addStatement("int $L = 0", n)
        .add(loop(m.arity(), m.parameter(), item, m.entity(), row.build()))
        .addStatement("scope.succeed()");
    if (known) {
      return b.addStatement("return $L", ids).build();
    }
    return b.addStatement("return $L == $L.length ? $L : $T.copyOf($L, $L)", n, ids, ids, ARRAYS,
        ids, n).build();
  }

  static CodeBlock updateOrDelete(DaoMethodModel.UpdateOrDelete m, DaoWriter.Constants constants) {
    EntityModel e = m.entity();
    List<ColumnModel> bound = new ArrayList<>();
    if (!m.delete()) {
      bound.addAll(EntitySql.updateColumns(e));
    }
    bound.addAll(EntitySql.keyColumns(e));
    String sql = m.delete() ? EntitySql.delete(e) : EntitySql.update(e, m.onConflict());
    String constant = constants.add(m.signature().name(), sql);
    String item = m.arity() == Arity.SINGLE ? m.parameter() : local(m, "item");
    String count = m.returns() == Returns.INT ? local(m, "count") : null;
    String changes = changes(m.signature().name(), m.changes(), constants);
    return close(open(constant, changes, true, true).add(executeAll(
        m.arity(), m.parameter(), item, e, bindAll(e, bound, item, false), count)));
  }

  /**
   * Runs the statement for every entity and succeeds; returns the rows changed when
   * {@code count} names a local for them. Several entities are bound and queued one by one,
   * then run by one {@code executeBatch}, which steps the one prepared statement over every
   * queued row inside a single driver call (xerial sqlite-jdbc's {@code DB.executeBatch}), instead
   * of paying {@code executeUpdate}'s per-call work once per row; pgjdbc sends the batch in one
   * round trip.
   */
  private static CodeBlock executeAll(
      Arity arity, String parameter, String item, EntityModel e, CodeBlock bind, String count) {
    CodeBlock.Builder b = CodeBlock.builder();
    String run;
    if (arity == Arity.SINGLE) {
      b.add(bind);
      run = "st.executeUpdate()";
    } else {
      b.add(loop(arity, parameter, item, e,
          CodeBlock.builder().add(bind).addStatement("st.addBatch()").build()));
      run = "st.executeBatch()";
    }
    if (count == null) {
      return b.addStatement(run).addStatement("scope.succeed()").build();
    }
    return b.addStatement("int $L = $L", count, run)
        .addStatement("scope.succeed()")
        .addStatement("return $L", count)
        .build();
  }

  /** The number of entities when known before the loop, as an initial capacity. */
  private static CodeBlock size(Arity arity, String parameter) {
    return switch (arity) {
      case ARRAY -> CodeBlock.of("$L.length", parameter);
      case COLLECTION -> CodeBlock.of("$L.size()", parameter);
      default -> CodeBlock.of("");
    };
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

  /**
   * The constant naming the tables a write may change: observers of them re-run after the
   * commit, including those of tables only a foreign-key action reaches.
   */
  static String changes(String method, List<Integer> tables, DaoWriter.Constants constants) {
    return constants.tables("CHANGES_", method, tables,
        "Tables this write may change, foreign-key actions included: indexes of SCHEMA.tables().");
  }

  /**
   * Opens the call's scope. {@code oneStatement}: the call runs one statement or one batch, so
   * the engine may skip BEGIN/COMMIT or the savepoint when no foreign-key action reaches further.
   */
  static CodeBlock.Builder open(
      String sqlConstant, String changes, boolean oneStatement, boolean runsActions) {
    CodeBlock begin = oneStatement
        ? CodeBlock.of("engine.beginStatement($L, $L)", changes, runsActions)
        : CodeBlock.of("engine.begin($L)", changes);
    return CodeBlock.builder()
        .addStatement("$T scope = $L", GeneratedFiles.CALL_SCOPE, begin)
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
