package keystone.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;
import keystone.processor.model.DaoMethodModel;
import keystone.processor.model.QueryModel;
import keystone.processor.model.QueryModel.Binding;
import keystone.processor.model.QueryModel.Expansion;
import keystone.processor.model.QueryModel.Wrapper;
import keystone.processor.model.ResultModel;

/** Bodies of {@code @Query} methods. */
final class QueryMethods {
  private static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  private static final ClassName MAP = ClassName.get("java.util", "Map");
  private static final ClassName PAGE = ClassName.get("keystone.engine", "Page");
  private static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
  private static final ClassName COLUMN_MAP = ClassName.get("keystone.engine.raw", "ColumnMap");
  private static final ClassName KEYSTONE_EXCEPTION =
      ClassName.get("keystone.engine", "KeystoneException");

  private QueryMethods() {}

  static CodeBlock query(DaoMethodModel.Query m, DaoWriter.Constants constants, boolean asFlow) {
    return observedOr(m, m.query(), () -> body(m, m.query(), constants), constants, asFlow);
  }

  /**
   * A {@code @RawQuery}: the engine guards the SQL and opens the call's scope, the statement's
   * columns are found by name ({@code ColumnMap}), then rows are read as a {@code @Query}'s are.
   */
  static CodeBlock raw(DaoMethodModel.RawQuery m, DaoWriter.Constants constants, boolean asFlow) {
    return observedOr(m, m.query(), () -> rawBody(m, constants), constants, asFlow);
  }

  /**
   * {@code body}, or when the query is observed, a publisher of it: the query itself becomes a
   * private method that the engine's {@code Observed} re-runs after each commit touching a table
   * it reads; the engine conflates, so a slow subscriber holds up no writer. {@code asFlow}
   * adapts it to {@code Flow.Publisher} (Android API 30+), which RxJava methods do not need.
   */
  private static CodeBlock observedOr(DaoMethodModel m, QueryModel q,
      java.util.function.Supplier<CodeBlock> body, DaoWriter.Constants constants,
      boolean asFlow) {
    if (!q.observed()) {
      return body.get();
    }
    MethodSpec sig = m.signature();
    TypeName value = ((ParameterizedTypeName) sig.returnType()).typeArguments().get(0);
    if (value instanceof WildcardTypeName w) {
      value = w.upperBounds().get(0);
    }
    String name = constants.privateMethod(sig.name() + "Now", m, value, sig, body.get());
    String reads = constants.tables("READS_", sig.name(), q.tables(),
        "Tables this query reads, relations included: indexes of SCHEMA.tables().");
    String args = String.join(", ", sig.parameters().stream().map(p -> p.name()).toList());
    CodeBlock observe = CodeBlock.of("engine.observe($L, () -> $L($L))", reads, name, args);
    return asFlow
        ? CodeBlock.builder()
            .addStatement("return $T.of($L)", GeneratedFiles.FLOW_PUBLISHER, observe).build()
        : CodeBlock.builder().addStatement("return $L", observe).build();
  }

  private static CodeBlock rawBody(DaoMethodModel.RawQuery m, DaoWriter.Constants constants) {
    QueryModel q = m.query();
    CodeBlock prepared = CodeBlock.of("scope.prepare($L.sql())", m.parameter());
    CodeBlock.Builder b = CodeBlock.builder()
        .addStatement("$T scope = engine.beginRaw($L)", GeneratedFiles.CALL_SCOPE, m.parameter())
        .beginControlFlow("try");
    String result = WriteMethods.local(m, "result");
    switch (q.wrapper()) {
      case VOID -> b.addStatement("$T.count($L)", COLUMN_MAP, prepared)
          .addStatement("scope.succeed()");
      case UPDATE_COUNT_INT, UPDATE_COUNT_LONG -> {
        boolean isInt = q.wrapper() == Wrapper.UPDATE_COUNT_INT;
        b.addStatement("$L $L = $L$T.count($L)", isInt ? "int" : "long", result,
                isInt ? "(int) " : "", COLUMN_MAP, prepared)
            .addStatement("scope.succeed()")
            .addStatement("return $L", result);
      }
      default -> {
        if (q.result().scalar() != null) {
          b.addStatement("$T st = $T.scalar($L)", GeneratedFiles.SQL_STATEMENT, COLUMN_MAP,
              prepared);
        } else {
          List<CodeBlock> wanted = new ArrayList<>();
          for (String[] c : m.columns()) {
            wanted.add(CodeBlock.of("{$S, $S}", c[0], c[1]));
          }
          String columns = constants.constant("COLUMNS_", m.signature().name(),
              TypeName.get(String[][].class), CodeBlock.of("{$L}", CodeBlock.join(wanted, ", ")));
          String required = constants.constant("REQUIRED_", m.signature().name(),
              TypeName.get(boolean[].class), CodeBlock.of("{$L}", String.join(", ",
                  m.required().stream().map(String::valueOf).toList())));
          b.addStatement("$T st = $T.of($L, $L, $L, $S)", GeneratedFiles.SQL_STATEMENT,
              COLUMN_MAP, prepared, columns, required,
              q.result().type() instanceof ClassName c ? c.simpleName()
                  : q.result().type().toString());
        }
        b.add(execute(m, q));
      }
    }
    return WriteMethods.close(b);
  }

  private static CodeBlock body(
      DaoMethodModel.Query m, QueryModel q, DaoWriter.Constants constants) {
    boolean graph = q.result() != null && q.result().hasRelations();
    CodeBlock begin = q.write()
        ? CodeBlock.of("engine.beginStatement($L, true)",
            WriteMethods.changes(m.signature().name(), q.tables(), constants))
        // Every relation level is one more query: one snapshot keeps the graph consistent.
        : graph ? CodeBlock.of("engine.beginSnapshot()") : CodeBlock.of("engine.begin(false)");
    CodeBlock.Builder b = CodeBlock.builder()
        .addStatement("$T scope = $L", GeneratedFiles.CALL_SCOPE, begin)
        .beginControlFlow("try");
    if (q.dynamic()) {
      b.add(dynamicSql(m, q, QuerySql.fragments(m, constants)));
      b.addStatement("$T st = scope.prepare($L.toString())", GeneratedFiles.SQL_STATEMENT,
          WriteMethods.local(m, "sql"));
      b.add(dynamicBindings(m, q));
    } else {
      b.addStatement("$T st = scope.prepare($L)", GeneratedFiles.SQL_STATEMENT,
          QuerySql.statement(m, constants));
      int index = 1;
      for (Binding binding : q.bindings()) {
        b.add(Values.bind(binding.value(), CodeBlock.of("$L", index++),
            CodeBlock.of("$L", binding.parameter())));
      }
    }
    b.add(graph ? graph(m, q, constants) : execute(m, q));
    return WriteMethods.close(b);
  }

  /** Rows with relations: the parent rows, then one query per relation level and key chunk. */
  private static CodeBlock graph(
      DaoMethodModel.Query m, QueryModel q, DaoWriter.Constants constants) {
    Names names = new Names(taken(m));
    GraphCode.Level level = new GraphCode(constants).new Level(q.result(), names);
    boolean list = q.wrapper() == Wrapper.LIST;
    String result = names.fresh("result");
    TypeName row = q.result().type();
    CodeBlock.Builder b = CodeBlock.builder()
        .add(level.declare())
        .beginControlFlow("try")
        .beginControlFlow(list ? "while (st.step())" : "if (st.step())")
        .add(level.collect())
        .endControlFlow()
        .nextControlFlow("finally")
        .addStatement("st.reset()")
        .endControlFlow()
        .addStatement("$T $L = new $T<>()", ParameterizedTypeName.get(LIST, row), result,
            ARRAY_LIST)
        .add(level.build((item, i) -> CodeBlock.builder()
            .addStatement("$L.add($L)", result, item).build()))
        .addStatement("scope.succeed()");
    return switch (q.wrapper()) {
      case LIST -> b.addStatement("return $L", result).build();
      case OPTIONAL -> b.addStatement("return $L.isEmpty() ? $T.empty() : $T.of($L.get(0))",
          result, OPTIONAL, OPTIONAL, result).build();
      default -> b.addStatement("return $L.isEmpty() ? null : $L.get(0)", result, result)
          .build();
    };
  }

  /** Names the method body already uses: parameters and the locals of the binding code. */
  private static List<String> taken(DaoMethodModel m) {
    List<String> out = new ArrayList<>(List.of("scope", "st"));
    for (var p : m.signature().parameters()) {
      out.add(p.name());
      out.add(WriteMethods.local(m, p.name() + "Count"));
    }
    for (String local : List.of("sql", "index", "value", "ignored")) {
      out.add(WriteMethods.local(m, local));
    }
    return out;
  }

  /**
   * Collection parameters become one {@code ?} per element; {@code IN ()} is valid SQLite, and the
   * PostgreSQL engine rewrites it. {@code fragments} come from {@link QuerySql#fragments}.
   */
  private static CodeBlock dynamicSql(DaoMethodModel m, QueryModel q, List<CodeBlock> fragments) {
    String sql = WriteMethods.local(m, "sql");
    CodeBlock.Builder b = CodeBlock.builder()
        .addStatement("$T $L = new $T($L)", StringBuilder.class, sql, StringBuilder.class,
            fragments.get(0) == null ? CodeBlock.of("") : fragments.get(0));
    for (int i = 0; i < q.bindings().size(); i++) {
      Binding binding = q.bindings().get(i);
      switch (binding.expansion()) {
        case NONE -> b.addStatement("$L.append('?')", sql);
        case ARRAY -> b.beginControlFlow("for (int i = 0; i < $L.length; i++)", binding.parameter())
            .addStatement("$L.append(i == 0 ? $S : $S)", sql, "?", ", ?")
            .endControlFlow();
        case ITERABLE -> {
          String n = WriteMethods.local(m, binding.parameter() + "Count");
          b.addStatement("int $L = 0", n)
              .beginControlFlow("for ($T ignored : $L)", Values.boxed(binding.value().type()),
                  binding.parameter())
              .addStatement("$L.append($L++ == 0 ? $S : $S)", sql, n, "?", ", ?")
              .endControlFlow();
        }
        default -> throw new IllegalStateException();
      }
      if (fragments.get(i + 1) != null) {
        b.addStatement("$L.append($L)", sql, fragments.get(i + 1));
      }
    }
    return b.build();
  }

  private static CodeBlock dynamicBindings(DaoMethodModel m, QueryModel q) {
    String index = WriteMethods.local(m, "index");
    CodeBlock.Builder b = CodeBlock.builder().addStatement("int $L = 1", index);
    for (Binding binding : q.bindings()) {
      CodeBlock at = CodeBlock.of("$L++", index);
      if (binding.expansion() == Expansion.NONE) {
        b.add(Values.bind(binding.value(), at, CodeBlock.of("$L", binding.parameter())));
        continue;
      }
      String v = WriteMethods.local(m, "value");
      b.beginControlFlow("for ($T $L : $L)", binding.value().type(), v, binding.parameter())
          .add(Values.bind(binding.value(), at, CodeBlock.of("$L", v)))
          .endControlFlow();
    }
    return b.build();
  }

  private static CodeBlock execute(DaoMethodModel m, QueryModel q) {
    CodeBlock.Builder b = CodeBlock.builder();
    String result = WriteMethods.local(m, "result");
    switch (q.wrapper()) {
      case VOID -> b.addStatement("st.executeUpdate()").addStatement("scope.succeed()");
      case UPDATE_COUNT_INT, UPDATE_COUNT_LONG -> b
          .addStatement("$L $L = st.executeUpdate()",
              q.wrapper() == Wrapper.UPDATE_COUNT_INT ? "int" : "long", result)
          .addStatement("scope.succeed()")
          .addStatement("return $L", result);
      case LIST -> {
        TypeName row = Values.boxed(q.result().type());
        b.addStatement("$T $L = new $T<>()", ParameterizedTypeName.get(LIST, row), result,
                ARRAY_LIST)
            .beginControlFlow("try")
            .beginControlFlow("while (st.step())")
            .add(row(m, q.result(), e -> CodeBlock.of("$L.add($L)", result, e)))
            .endControlFlow()
            .nextControlFlow("finally")
            .addStatement("st.reset()")
            .endControlFlow()
            .addStatement("scope.succeed()")
            .addStatement("return $L", result);
      }
      case SINGLE, OPTIONAL -> {
        TypeName row = Values.boxed(q.result().type());
        b.addStatement("$T $L = null", row, result)
            .beginControlFlow("try")
            .beginControlFlow("if (st.step())")
            .add(row(m, q.result(), e -> CodeBlock.of("$L = $L", result, e)))
            .endControlFlow()
            .nextControlFlow("finally")
            .addStatement("st.reset()")
            .endControlFlow()
            .addStatement("scope.succeed()");
        if (q.wrapper() == Wrapper.OPTIONAL) {
          b.addStatement("return $T.ofNullable($L)", OPTIONAL, result);
        } else {
          b.addStatement("return $L", result);
        }
      }
      case SINGLE_PRIMITIVE -> b
          .addStatement("$T $L", q.result().type(), result)
          .beginControlFlow("try")
          .beginControlFlow("if (!st.step())")
          .addStatement("throw new $T($S)", KEYSTONE_EXCEPTION,
              "Query returned no row: " + q.sql())
          .endControlFlow()
          .addStatement("$L = $L", result, Values.read(q.result().scalar(), 0))
          .nextControlFlow("finally")
          .addStatement("st.reset()")
          .endControlFlow()
          .addStatement("scope.succeed()")
          .addStatement("return $L", result);
      case MAP_LIST, MAP_SINGLE -> b.add(multimap(m, q));
      case PAGE -> b.add(page(m, q));
      default -> throw new IllegalStateException(q.wrapper().toString());
    }
    return b.build();
  }

  /**
   * The rows, and the key built from the last one when the page is full: a page shorter than
   * its LIMIT is the last, and a next key would only fetch an empty page.
   */
  private static CodeBlock page(DaoMethodModel m, QueryModel q) {
    TypeName row = q.result().type();
    TypeName key = q.secondary().type();
    String result = WriteMethods.local(m, "result");
    Names names = new Names(taken(m));
    String last = names.fresh("last");
    String item = names.fresh("row");
    String next = names.fresh("key");
    return CodeBlock.builder()
        .addStatement("$T $L = new $T<>()", ParameterizedTypeName.get(LIST, row), result,
            ARRAY_LIST)
        .addStatement("$T $L = null", key, last)
        .beginControlFlow("try")
        .beginControlFlow("while (st.step())")
        .add(GraphCode.fromRow(q.result(), item, names))
        .addStatement("$L.add($L)", result, item)
        .add(GraphCode.fromRow(q.secondary(), next, names))
        .addStatement("$L = $L", last, next)
        .endControlFlow()
        .nextControlFlow("finally")
        .addStatement("st.reset()")
        .endControlFlow()
        .addStatement("scope.succeed()")
        .addStatement("return $T.of($L, $L > 0 && $L.size() >= $L ? $L : null)", PAGE, result,
            q.limit(), result, q.limit(), last)
        .build();
  }

  /**
   * A {@code LinkedHashMap}, keys in row order. A row whose value columns are all NULL (a LEFT
   * JOIN that found nothing) adds no value: the key maps to an empty list, or to null.
   */
  private static CodeBlock multimap(DaoMethodModel m, QueryModel q) {
    TypeName key = q.result().type();
    TypeName value = q.secondary().type();
    boolean lists = q.wrapper() == Wrapper.MAP_LIST;
    TypeName mapped = lists ? ParameterizedTypeName.get(LIST, value) : value;
    String result = WriteMethods.local(m, "result");
    Names names = new Names(taken(m));
    String k = names.fresh("key");
    String v = names.fresh("value");
    List<CodeBlock> nulls = new ArrayList<>();
    for (int column : q.secondary().columnsRead()) {
      nulls.add(CodeBlock.of("st.isNull($L)", column));
    }
    CodeBlock absent = nulls.isEmpty() ? CodeBlock.of("false") : CodeBlock.join(nulls, " && ");
    CodeBlock.Builder perRow = CodeBlock.builder().add(GraphCode.fromRow(q.result(), k, names));
    if (lists) {
      String group = names.fresh("values");
      String built = names.fresh("row");
      perRow.addStatement("$T $L = $L.computeIfAbsent($L, k -> new $T<>())", mapped, group, result,
              k, ARRAY_LIST)
          .beginControlFlow("if (!($L))", absent)
          .add(GraphCode.fromRow(q.secondary(), built, names))
          .addStatement("$L.add($L)", group, built)
          .endControlFlow();
    } else {
      String built = names.fresh("row");
      perRow.addStatement("$T $L = null", value, v)
          .beginControlFlow("if (!($L))", absent)
          .add(GraphCode.fromRow(q.secondary(), built, names))
          .addStatement("$L = $L", v, built)
          .endControlFlow()
          .beginControlFlow("if ($L.containsKey($L))", result, k)
          .addStatement("throw new $T($S + $L + $S)", KEYSTONE_EXCEPTION,
              "The query returned two rows for the key ", k,
              "; a Map<K, V> holds one value per key, return Map<K, List<V>> for several")
          .endControlFlow()
          .addStatement("$L.put($L, $L)", result, k, v);
    }
    return CodeBlock.builder()
        .addStatement("$T $L = new $T<>()", ParameterizedTypeName.get(MAP, key, mapped), result,
            LINKED_HASH_MAP)
        .beginControlFlow("try")
        .beginControlFlow("while (st.step())")
        .add(perRow.build())
        .endControlFlow()
        .nextControlFlow("finally")
        .addStatement("st.reset()")
        .endControlFlow()
        .addStatement("scope.succeed()")
        .addStatement("return $L", result)
        .build();
  }


  /** Statements that build one row and hand it to {@code sink} as one statement. */
  private static CodeBlock row(
      DaoMethodModel m, ResultModel r, Function<CodeBlock, CodeBlock> sink) {
    if (r.scalar() != null) {
      return CodeBlock.builder().addStatement(sink.apply(Values.read(r.scalar(), 0))).build();
    }
    Names names = new Names(taken(m));
    String item = names.fresh(WriteMethods.local(m, "row"));
    return CodeBlock.builder()
        .add(GraphCode.fromRow(r, item, names))
        .addStatement(sink.apply(CodeBlock.of("$L", item)))
        .build();
  }
}
