package keystone.processor.reading;

import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.DaoMethodModel;
import keystone.processor.model.EntityModel;
import keystone.processor.model.QueryModel;
import keystone.processor.model.QueryModel.Wrapper;
import keystone.processor.model.ResultModel;

/**
 * Reads a {@code @RawQuery}: SQL known at run time only, so nothing is prepared here; the result
 * type says which columns to look for by name when it runs ({@link RawColumns}), and
 * {@code observedEntities} which tables an observed result reads.
 */
final class RawQueryReader {
  static final String SQL_QUERY = "keystone.engine.SqlQuery";
  private static final String PUBLISHER = "java.util.concurrent.Flow.Publisher";

  private final Env env;
  private final Annotations annotations;
  private final ResultReader results;

  RawQueryReader(Env env) {
    this.env = env;
    this.annotations = new Annotations(env);
    this.results = new ResultReader(env);
  }

  Optional<DaoMethodModel> read(
      ExecutableElement m, AnnotationMirror a, MethodSpec signature, TypeMirror returns,
      DaoContext ctx, Report report) {
    Source at = new Source(m, a, null);
    if (m.getParameters().size() != 1 || !env.types().erasure(m.getParameters().get(0).asType())
        .toString().equals(SQL_QUERY)) {
      report.add(m, Message.RAW_QUERY_PARAMETER, m.getSimpleName());
      return Optional.empty();
    }
    TypeMirror type = returns;
    boolean observed = erasure(type).equals(PUBLISHER);
    List<Integer> tables = new ArrayList<>();
    if (observed) {
      type = WriteMethodReader.elementOf((DeclaredType) type);
      Optional<List<Integer>> read = observedTables(a, at, returns, ctx, report);
      if (read.isEmpty() || type == null) {
        return Optional.empty();
      }
      tables = read.get();
    }
    Wrapper wrapper = switch (type.getKind()) {
      case VOID -> Wrapper.VOID;
      case INT -> Wrapper.UPDATE_COUNT_INT;
      case LONG -> Wrapper.UPDATE_COUNT_LONG;
      default -> null;
    };
    String name = "@RawQuery " + m.getSimpleName();
    if (wrapper != null && !observed) {
      return Optional.of(new DaoMethodModel.RawQuery(signature, param(m),
          new QueryModel(name, List.of(""), List.of(), true, 0, wrapper, null, tables, false),
          List.of(), List.of()));
    }
    String erased = erasure(type);
    if (erased.equals(MultimapReader.MAP) || type.getKind() == TypeKind.VOID) {
      report.add(at, Message.RAW_QUERY_RETURN_TYPE, returns, type.getKind()
          == TypeKind.VOID ? "only a query that returns rows can be observed"
          : "a multimap tells its key's columns from its value's by their tables, which only a"
              + " @Query prepared at compile time knows; return a record with both parts, or"
              + " use @Query");
      return Optional.empty();
    }
    QueryReader.Rows rows = QueryReader.Rows.of(type, erased);
    TypeMirror row = rows.row();
    wrapper = rows.wrapper();
    if (row == null) {
      report.add(at, Message.RAW_QUERY_RETURN_TYPE, type, "give the element type");
      return Optional.empty();
    }
    RawColumns columns = new RawColumns();
    Optional<ResultModel> result = results.read(row, columns, at, report, ctx);
    if (result.isEmpty()) {
      return Optional.empty();
    }
    if (result.get().hasRelations()) {
      report.add(at, Message.RAW_QUERY_RETURN_TYPE, returns,
          "@Relation keys are columns resolved at compile time; load relations with a @Query");
      return Optional.empty();
    }
    List<String[]> wanted = new ArrayList<>();
    List<Boolean> required = new ArrayList<>();
    for (RawColumns.Wanted w : columns.wanted()) {
      wanted.add(new String[] {w.column(), w.property()});
      required.add(!w.nullable());
    }
    QueryModel q = new QueryModel(name, List.of(""), List.of(), false, columns.size(), wrapper,
        result.get(), tables, observed);
    return Optional.of(new DaoMethodModel.RawQuery(signature, param(m), q, wanted, required));
  }

  private Optional<List<Integer>> observedTables(
      AnnotationMirror a, Source at, TypeMirror returned, DaoContext ctx, Report report) {
    List<AnnotationValue> listed = annotations.list(a, "observedEntities");
    if (listed.isEmpty()) {
      report.add(at, Message.RAW_QUERY_NOT_OBSERVED, returned);
      return Optional.empty();
    }
    TreeSet<Integer> tables = new TreeSet<>();
    for (AnnotationValue v : listed) {
      TypeElement type;
      try {
        type = Annotations.typeOf(v.getValue());
      } catch (MissingTypeException missing) {
        throw missing.at(at.withValue(v));
      }
      String name = type == null ? "" : type.getQualifiedName().toString();
      EntityModel entity = ctx.entities().get(name);
      // A view stands for the tables it reads, as in Room.
      List<String> read = entity != null ? List.of(entity.table()) : ctx.viewReads().get(name);
      if (read == null) {
        report.add(at.withValue(v), Message.RAW_QUERY_OBSERVED_NOT_ENTITY, v.getValue(),
            ctx.database());
        return Optional.empty();
      }
      read.forEach(t -> tables.add(ctx.tables().indexOf(t)));
    }
    return Optional.of(new ArrayList<>(tables));
  }

  private static String param(ExecutableElement m) {
    return m.getParameters().get(0).getSimpleName().toString();
  }

  private String erasure(TypeMirror type) {
    return env.types().erasure(type).toString();
  }
}
