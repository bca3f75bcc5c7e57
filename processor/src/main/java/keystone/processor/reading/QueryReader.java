package keystone.processor.reading;

import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.DaoMethodModel;
import keystone.processor.model.JavaValue;
import keystone.processor.model.QueryModel;
import keystone.processor.model.QueryModel.Binding;
import keystone.processor.model.QueryModel.Expansion;
import keystone.processor.model.QueryModel.Wrapper;
import keystone.processor.model.ResultModel;
import keystone.processor.model.ResultModel.ResultProperty;
import keystone.processor.sql.EnforcementGuard;
import keystone.processor.sql.SchemaDatabase;
import keystone.processor.sql.SqlParameters;
import keystone.processor.sql.SqlParameters.Occurrence;
import keystone.processor.sql.TableReach.Effect;

/**
 * Reads a {@code @Query}: its parameters, then lets SQLite prepare it against the schema, which
 * both verifies it and tells the result columns, so rows are read by index in generated code.
 */
final class QueryReader {
  private static final String PUBLISHER = "java.util.concurrent.Flow.Publisher";
  private final Env env;
  private final Annotations annotations;
  private final ResultReader results;
  private final WriteMethodReader iterables;
  private final MultimapReader multimaps;
  private final PageReader pages;

  QueryReader(Env env) {
    this.env = env;
    this.annotations = new Annotations(env);
    this.results = new ResultReader(env);
    this.iterables = new WriteMethodReader(env);
    this.multimaps = new MultimapReader(env, results);
    this.pages = new PageReader(env, results);
  }

  /** {@code returns} is the method's return type, or the type an RxJava one wraps. */
  Optional<DaoMethodModel> read(
      ExecutableElement m, AnnotationMirror a, MethodSpec signature, TypeMirror returns,
      DaoContext ctx, Report report) {
    String sql = annotations.string(a, "value");
    Source at = new Source(m, a, Annotations.explicit(a, "value"));
    Optional<String> pragma = EnforcementGuard.offending(sql);
    if (pragma.isPresent()) {
      report.add(at, Message.QUERY_DISABLES_ENFORCEMENT, pragma.get());
      return Optional.empty();
    }
    Map<String, VariableElement> params = new HashMap<>();
    for (VariableElement p : m.getParameters()) {
      params.put(p.getSimpleName().toString(), p);
    }
    List<Occurrence> occurrences = SqlParameters.find(sql);
    List<Binding> bindings = new ArrayList<>();
    Set<String> used = new HashSet<>();
    boolean ok = true;
    for (Occurrence o : occurrences) {
      VariableElement p = params.get(o.name());
      if (p == null) {
        report.add(at, Message.QUERY_UNKNOWN_PARAMETER, o.name(), o.name());
        ok = false;
        continue;
      }
      used.add(o.name());
      Optional<Binding> binding = binding(p);
      if (binding.isEmpty()) {
        report.add(Source.of(p), Message.QUERY_PARAMETER_TYPE, o.name(), p.asType(),
            o.name());
        ok = false;
      } else {
        bindings.add(binding.get());
      }
    }
    for (VariableElement p : m.getParameters()) {
      if (!used.contains(p.getSimpleName().toString())) {
        report.add(Source.of(p), Message.QUERY_UNUSED_PARAMETER, p.getSimpleName(),
            p.getSimpleName());
        ok = false;
      }
    }
    String postgres = annotations.string(a, "postgres");
    Optional<List<String>> variant = postgres.isEmpty() ? Optional.of(List.of())
        : PostgresVariant.read(postgres, sql, occurrences, params.keySet(),
            new Source(m, a, Annotations.explicit(a, "postgres")), report);
    ok &= variant.isPresent();
    if (!ok || ctx.schema() == null) {
      return Optional.empty();
    }
    List<String> fragments = SqlParameters.fragments(sql, occurrences);
    SchemaDatabase.Prepared prepared = ctx.schema().prepare(String.join("?", fragments));
    if (prepared.error() != null) {
      report.add(at, Message.QUERY_INVALID_SQL, ctx.database(), prepared.error());
      return Optional.empty();
    }
    return shape(m, returns, at, sql, fragments, bindings, prepared, report, ctx)
        .map(q -> q.withPostgres(variant.get()))
        .map(q -> new DaoMethodModel.Query(signature, q));
  }

  private Optional<QueryModel> shape(
      ExecutableElement m, TypeMirror returns, Source at, String sql, List<String> fragments,
      List<Binding> bindings,
      SchemaDatabase.Prepared statement, Report report, DaoContext ctx) {
    List<String> columns = statement.columns();
    TypeMirror type = returns;
    String prepared = String.join("?", fragments);
    boolean observed = env.types().erasure(type).toString().equals(PUBLISHER);
    if (observed) {
      type = WriteMethodReader.elementOf((DeclaredType) type);
      if (type == null || columns.isEmpty()) {
        report.add(at, Message.QUERY_RETURN_TYPE, returns, type == null
            ? "give the element type" : "only a query that returns rows can be observed");
        return Optional.empty();
      }
    }
    if (columns.isEmpty()) {
      Wrapper w = switch (type.getKind()) {
        case VOID -> Wrapper.VOID;
        case INT -> Wrapper.UPDATE_COUNT_INT;
        case LONG -> Wrapper.UPDATE_COUNT_LONG;
        default -> null;
      };
      if (w == null) {
        report.add(at, Message.QUERY_RETURN_TYPE, type,
            "a statement without result columns returns void, int or long");
        return Optional.empty();
      }
      return Optional.of(new QueryModel(sql, fragments, bindings, true, 0, w, null,
          changes(sql, prepared, ctx), false));
    }
    if (type.getKind() == TypeKind.VOID) {
      report.add(at, Message.QUERY_RETURN_TYPE, type, "the query returns rows");
      return Optional.empty();
    }
    String erased = env.types().erasure(type).toString();
    if (erased.equals(MultimapReader.MAP)) {
      return multimap(returns, at, sql, fragments, bindings, statement, report, ctx, observed);
    }
    if (erased.equals(PageReader.PAGE) && !observed) {
      return pages.read(m, sql, (DeclaredType) type, columns, at, report, ctx)
          .map(p -> new QueryModel(sql, fragments, bindings, false, columns.size(),
                  Wrapper.SINGLE, p.row(), reads(String.join("?", fragments), p.row(), ctx),
                  false)
              .withSecondary(Wrapper.PAGE, p.key(), p.limit()));
    }
    Rows rows = Rows.of(type, erased);
    TypeMirror row = rows.row();
    if (row == null) {
      report.add(at, Message.QUERY_RETURN_TYPE, type, "give the element type");
      return Optional.empty();
    }
    boolean write = !readOnly(sql);
    Wrapper w = rows.wrapper();
    Optional<ResultModel> result = results.read(row, columns, at, report, ctx);
    if (result.isEmpty()) {
      return Optional.empty();
    }
    if (result.get().hasRelations() && write) {
      report.add(at, Message.QUERY_RETURN_TYPE, type,
          "relations are loaded for a SELECT only, in one read snapshot");
      return Optional.empty();
    }
    if (observed && write) {
      report.add(at, Message.QUERY_RETURN_TYPE, returns,
          "only a SELECT can be observed; a statement that writes would run on every change");
      return Optional.empty();
    }
    List<Integer> tables = write ? changes(sql, prepared, ctx) : reads(prepared, result.get(), ctx);
    return Optional.of(new QueryModel(sql, fragments, bindings, write, columns.size(), w,
        result.get(), tables, observed));
  }

  private Optional<QueryModel> multimap(
      TypeMirror type, Source at, String sql, List<String> fragments, List<Binding> bindings,
      SchemaDatabase.Prepared statement, Report report, DaoContext ctx, boolean observed) {
    DeclaredType map = (DeclaredType) (observed
        ? WriteMethodReader.elementOf((DeclaredType) type) : type);
    if (!readOnly(sql)) {
      report.add(at, Message.QUERY_RETURN_TYPE, type, "a multimap is read by a SELECT");
      return Optional.empty();
    }
    return multimaps.read(map, statement.columns(), statement.tables(), at, report, ctx)
        .map(mm -> new QueryModel(sql, fragments, bindings, false, statement.columns().size(),
                Wrapper.SINGLE, mm.key(),
                reads(String.join("?", fragments), mm.key(), ctx), observed)
            .withSecondary(mm.lists() ? Wrapper.MAP_LIST : Wrapper.MAP_SINGLE, mm.value(), null));
  }

  /**
   * The tables a SELECT reads, by SQLite's plan; unknown ones count as all, so an observer never
   * misses a change. A relation adds the tables it loads from.
   */
  private static List<Integer> reads(String sql, ResultModel result, DaoContext ctx) {
    Set<String> opened = ctx.schema().tablesOpened(sql, false);
    if (opened == null) {
      return ctx.tables().all();
    }
    Set<Integer> out = new TreeSet<>();
    for (String table : opened) {
      int at = ctx.tables().indexOf(table);
      if (at < 0) {
        return ctx.tables().all();
      }
      out.add(at);
    }
    for (ResultProperty p : result.properties()) {
      if (p.relation() != null) {
        out.addAll(p.relation().tables());
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The tables a DML statement can change: the b-trees SQLite's plan writes, then what their
   * foreign-key actions reach. The statement kind is told by its keywords, generously: a
   * keyword inside a literal only adds tables, which costs an observer one extra run.
   */
  private static List<Integer> changes(String sql, String prepared, DaoContext ctx) {
    Set<String> targets = ctx.schema().tablesOpened(prepared, true);
    if (targets == null || targets.isEmpty()) {
      return ctx.tables().all();
    }
    String upper = " " + sql.toUpperCase(Locale.ROOT).replaceAll("[^A-Z_]+", " ") + " ";
    boolean deletes = upper.contains(" DELETE ") || upper.contains(" REPLACE ");
    boolean updates = upper.contains(" UPDATE ");
    Effect effect = deletes && updates ? Effect.ANY
        : deletes ? Effect.DELETE : updates ? Effect.UPDATE : Effect.INSERT;
    return ctx.tables().changes(targets, effect);
  }

  private Optional<Binding> binding(VariableElement p) {
    TypeMirror t = p.asType();
    String name = p.getSimpleName().toString();
    Optional<JavaValue> direct = env.adapters().of(t, List.of(p));
    if (direct.isPresent()) {
      return Optional.of(new Binding(name, direct.get(), Expansion.NONE));
    }
    if (t instanceof ArrayType array) {
      return env.adapters().of(array.getComponentType())
          .map(v -> new Binding(name, v, Expansion.ARRAY));
    }
    if (iterables.isIterable(t)) {
      TypeMirror element = WriteMethodReader.elementOf((DeclaredType) t);
      return element == null ? Optional.empty()
          : env.adapters().of(element).map(v -> new Binding(name, v, Expansion.ITERABLE));
    }
    return Optional.empty();
  }

  /** How a reading method's rows are wrapped, and the row type (null when not given). */
  record Rows(Wrapper wrapper, TypeMirror row) {
    static Rows of(TypeMirror type, String erased) {
      if (erased.equals("java.util.List") || erased.equals("java.util.Optional")) {
        return new Rows(erased.equals("java.util.List") ? Wrapper.LIST : Wrapper.OPTIONAL,
            WriteMethodReader.elementOf((DeclaredType) type));
      }
      return new Rows(type.getKind().isPrimitive() ? Wrapper.SINGLE_PRIMITIVE : Wrapper.SINGLE,
          type);
    }
  }

  /** Statements that only read run outside a write transaction. */
  static boolean readOnly(String sql) {
    String s = sql.stripLeading().toUpperCase(Locale.ROOT);
    return s.startsWith("SELECT") || s.startsWith("VALUES")
        || (s.startsWith("WITH") && !s.matches("(?s).*\\b(INSERT|UPDATE|DELETE|REPLACE)\\b.*"));
  }
}
