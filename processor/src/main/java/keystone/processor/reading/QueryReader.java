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
import keystone.processor.sql.EnforcementGuard;
import keystone.processor.sql.SchemaDatabase;
import keystone.processor.sql.SqlParameters;
import keystone.processor.sql.SqlParameters.Occurrence;

/**
 * Reads a {@code @Query}: its parameters, then lets SQLite prepare it against the schema, which
 * both verifies it and tells the result columns, so rows are read by index in generated code.
 */
final class QueryReader {
  private final Env env;
  private final Annotations annotations;
  private final ResultReader results;
  private final WriteMethodReader iterables;

  QueryReader(Env env) {
    this.env = env;
    this.annotations = new Annotations(env);
    this.results = new ResultReader(env);
    this.iterables = new WriteMethodReader(env);
  }

  Optional<DaoMethodModel> read(
      ExecutableElement m, AnnotationMirror a, MethodSpec signature, DaoContext ctx,
      Report report) {
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
    if (!ok || ctx.schema() == null) {
      return Optional.empty();
    }
    List<String> fragments = new ArrayList<>();
    int from = 0;
    for (Occurrence o : occurrences) {
      fragments.add(sql.substring(from, o.start()));
      from = o.end();
    }
    fragments.add(sql.substring(from));
    SchemaDatabase.Prepared prepared = ctx.schema().prepare(String.join("?", fragments));
    if (prepared.error() != null) {
      report.add(at, Message.QUERY_INVALID_SQL, ctx.database(), prepared.error());
      return Optional.empty();
    }
    return shape(m, at, sql, fragments, bindings, prepared.columns(), report)
        .map(q -> new DaoMethodModel.Query(signature, q));
  }

  private Optional<QueryModel> shape(
      ExecutableElement m, Source at, String sql, List<String> fragments, List<Binding> bindings,
      List<String> columns, Report report) {
    TypeMirror type = m.getReturnType();
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
      return Optional.of(new QueryModel(sql, fragments, bindings, true, 0, w, null));
    }
    if (type.getKind() == TypeKind.VOID) {
      report.add(at, Message.QUERY_RETURN_TYPE, type, "the query returns rows");
      return Optional.empty();
    }
    Wrapper wrapper = Wrapper.SINGLE;
    TypeMirror row = type;
    String erased = env.types().erasure(type).toString();
    if (erased.equals("java.util.List") || erased.equals("java.util.Optional")) {
      wrapper = erased.equals("java.util.List") ? Wrapper.LIST : Wrapper.OPTIONAL;
      row = WriteMethodReader.elementOf((DeclaredType) type);
    } else if (type.getKind().isPrimitive()) {
      wrapper = Wrapper.SINGLE_PRIMITIVE;
    }
    if (row == null) {
      report.add(at, Message.QUERY_RETURN_TYPE, type, "give the element type");
      return Optional.empty();
    }
    boolean write = !readOnly(sql);
    Wrapper w = wrapper;
    return results.read(row, columns, at, report)
        .map(r -> new QueryModel(sql, fragments, bindings, write, columns.size(), w, r));
  }

  private Optional<Binding> binding(VariableElement p) {
    TypeMirror t = p.asType();
    String name = p.getSimpleName().toString();
    Optional<JavaValue> direct = ValueTypes.of(t);
    if (direct.isPresent()) {
      return Optional.of(new Binding(name, direct.get(), Expansion.NONE));
    }
    if (t instanceof ArrayType array) {
      return ValueTypes.of(array.getComponentType())
          .map(v -> new Binding(name, v, Expansion.ARRAY));
    }
    if (iterables.isIterable(t)) {
      TypeMirror element = WriteMethodReader.elementOf((DeclaredType) t);
      return element == null ? Optional.empty()
          : ValueTypes.of(element).map(v -> new Binding(name, v, Expansion.ITERABLE));
    }
    return Optional.empty();
  }

  /** Statements that only read run outside a write transaction. */
  private static boolean readOnly(String sql) {
    String s = sql.stripLeading().toUpperCase(Locale.ROOT);
    return s.startsWith("SELECT") || s.startsWith("VALUES")
        || (s.startsWith("WITH") && !s.matches("(?s).*\\b(INSERT|UPDATE|DELETE|REPLACE)\\b.*"));
  }
}
