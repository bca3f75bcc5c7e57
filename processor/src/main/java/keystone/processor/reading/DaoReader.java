package keystone.processor.reading;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.DaoMethodModel;
import keystone.processor.model.DaoModel;

/** Reads a {@code @Dao} against one database; problems go to the report, never thrown. */
public final class DaoReader {
  public static final String DAO = "keystone.Dao";
  private static final List<String> KINDS =
      List.of("Insert", "Upsert", "Update", "Delete", "Query", "RawQuery");
  private static final String TRANSACTION = "keystone.Transaction";

  private final Env env;
  private final WriteMethodReader writes;
  private final QueryReader queries;
  private final RawQueryReader raws;
  private final RxTypes rxTypes;

  public DaoReader(Env env) {
    this.env = env;
    this.writes = new WriteMethodReader(env);
    this.queries = new QueryReader(env);
    this.raws = new RawQueryReader(env);
    this.rxTypes = new RxTypes(env);
  }

  /** The model, or null when the report got errors. */
  public DaoModel read(TypeElement dao, DaoContext databaseCtx, Report report) {
    return env.adapters().within(dao, () -> readDao(dao, databaseCtx, report));
  }

  private DaoModel readDao(TypeElement dao, DaoContext databaseCtx, Report report) {
    Report own = new Report();
    ClassName impl = ImplNames.of(ClassName.get(dao));
    DaoContext ctx = databaseCtx.forImpl(impl.packageName(), impl.simpleName());
    boolean isInterface = dao.getKind() == ElementKind.INTERFACE;
    Source at = new Source(dao, Annotations.find(dao, DAO).orElse(null), null);
    boolean abstractClass =
        dao.getKind() == ElementKind.CLASS && dao.getModifiers().contains(Modifier.ABSTRACT);
    if (!isInterface && !abstractClass) {
      own.add(at, Message.DAO_NOT_ABSTRACT);
      report.addAll(own);
      return null;
    }
    if (!isInterface
        && ElementFilter.constructorsIn(dao.getEnclosedElements()).stream()
            .noneMatch(
                c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE))) {
      own.add(at, Message.DAO_NO_CONSTRUCTOR, dao.getSimpleName());
    }
    List<DaoMethodModel> methods = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(env.elements().getAllMembers(dao))) {
      TypeElement owner = (TypeElement) m.getEnclosingElement();
      if (owner.getQualifiedName().contentEquals("java.lang.Object")
          || m.getModifiers().contains(Modifier.STATIC)) {
        continue;
      }
      env.adapters().within(m, () -> method(dao, m, ctx, own)).ifPresent(methods::add);
    }
    report.addAll(own);
    if (own.hasErrors()) {
      return null;
    }
    ClassName type = ClassName.get(dao);
    return new DaoModel(type, ImplNames.of(type), isInterface, methods, ctx.tables().names(), dao);
  }

  private Optional<DaoMethodModel> method(
      TypeElement dao, ExecutableElement m, DaoContext ctx, Report report) {
    Optional<AnnotationMirror> transaction = Annotations.find(m, TRANSACTION);
    boolean isAbstract = m.getModifiers().contains(Modifier.ABSTRACT);
    if (!isAbstract) {
      if (transaction.isEmpty() || m.getModifiers().contains(Modifier.PRIVATE)
          || m.getModifiers().contains(Modifier.FINAL)) {
        return Optional.empty();
      }
      return Optional.of(
          new DaoMethodModel.Transaction(
              signature(dao, m), m.getReturnType().getKind() == TypeKind.VOID));
    }
    // @Transaction on an abstract method, as Room apps write it on relation queries, asks for
    // what every generated method already does: a query reads itself and its relations in one
    // snapshot (one read transaction), a write runs in one transaction or savepoint.
    List<AnnotationMirror> found = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String kind : KINDS) {
      Annotations.find(m, "keystone." + kind).ifPresent(a -> {
        found.add(a);
        names.add("@" + kind);
      });
    }
    if (found.size() != 1) {
      report.add(
          m, Message.DAO_METHOD_NO_ANNOTATION, m.getSimpleName(),
          names.isEmpty() ? "none" : String.join(", ", names));
      return Optional.empty();
    }
    AnnotationMirror a = found.get(0);
    String kind = names.get(0).substring(1);
    MethodSpec signature = signature(dao, m);
    RxTypes.Rx rx = rxTypes.of(m.getReturnType());
    if (rx != null && rx.inner() == null) {
      report.add(m, Message.DAO_METHOD_RETURN, kind, m.getSimpleName(), m.getReturnType(),
          "an RxJava type with its element type");
      return Optional.empty();
    }
    TypeMirror returns = rx == null ? m.getReturnType() : rx.inner();
    // An RxJava method wraps a synchronous one of the same parameters, read as if declared so.
    MethodSpec plain = rx == null ? signature
        : signature.toBuilder().returns(TypeName.get(returns)).build();
    Optional<DaoMethodModel> read = switch (kind) {
      case "Query" -> queries.read(m, a, plain, returns, ctx, report);
      case "RawQuery" -> raws.read(m, a, plain, returns, ctx, report);
      default -> writes.read(kind, m, a, plain, returns, ctx, report);
    };
    return rx == null ? read
        : read.map(inner -> new DaoMethodModel.Rx(signature, inner, rx.kind()));
  }

  private MethodSpec signature(TypeElement dao, ExecutableElement m) {
    return MethodSpec.overriding(m, (DeclaredType) dao.asType(), env.types()).build();
  }
}
