package keystone.processor.reading;

import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import keystone.Naming;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.DatabaseModel.Delegate;

/**
 * Reads a {@code @Database} declaration: its entity types, its DAO accessors, and the
 * {@code KeystoneDatabase} methods to forward, found on the classpath rather than listed here so
 * that the engine can grow its API.
 */
public final class DatabaseReader {
  public static final String DATABASE = "keystone.Database";
  private static final String KEYSTONE_DATABASE = "keystone.engine.KeystoneDatabase";

  /** A DAO accessor as declared. */
  public record Accessor(MethodSpec signature, TypeElement dao) {}

  /** Everything declared, or null parts when the report got errors. */
  public record Declaration(
      TypeElement type, int version, boolean exportSchema, Source exportSource,
      List<TypeElement> entities, List<Accessor> accessors, List<Delegate> delegates,
      Naming naming, List<TypeElement> views) {}

  private final Env env;
  private final Annotations annotations;

  public DatabaseReader(Env env) {
    this.env = env;
    this.annotations = new Annotations(env);
  }

  public Declaration read(TypeElement db, Report report) {
    AnnotationMirror a = Annotations.find(db, DATABASE).orElseThrow();
    Source at = new Source(db, a, null);
    boolean isInterface = db.getKind() == ElementKind.INTERFACE;
    if (!isInterface
        && !(db.getKind() == ElementKind.CLASS && db.getModifiers().contains(Modifier.ABSTRACT))) {
      report.add(at, Message.DATABASE_NOT_ABSTRACT);
      return null;
    }
    TypeElement keystone = env.typeElement(KEYSTONE_DATABASE);
    if (keystone == null
        || !env.types().isAssignable(env.types().erasure(db.asType()), keystone.asType())) {
      report.add(at, Message.DATABASE_NOT_KEYSTONE, db.getSimpleName());
      return null;
    }
    List<TypeElement> entities = types(a, "entities", at, EntityReader::isEntity,
        Message.DATABASE_ENTITY_NOT_ENTITY, report);
    List<TypeElement> views = types(a, "views", at,
        e -> Annotations.find(e, ViewReader.VIEW).isPresent(), Message.DATABASE_VIEW_NOT_VIEW,
        report);
    List<Accessor> accessors = new ArrayList<>();
    List<Delegate> delegates = new ArrayList<>();
    DeclaredType self = (DeclaredType) db.asType();
    for (ExecutableElement m : ElementFilter.methodsIn(env.elements().getAllMembers(db))) {
      if (!m.getModifiers().contains(Modifier.ABSTRACT)) {
        continue;
      }
      MethodSpec signature = MethodSpec.overriding(m, self, env.types()).build();
      TypeElement owner = (TypeElement) m.getEnclosingElement();
      if (env.types().isAssignable(keystone.asType(), env.types().erasure(owner.asType()))) {
        delegates.add(new Delegate(signature, m.getReturnType().getKind() == TypeKind.VOID));
        continue;
      }
      TypeElement dao = daoOf(m.getReturnType());
      if (!m.getParameters().isEmpty() || dao == null) {
        report.add(m, Message.DATABASE_BAD_ACCESSOR, m.getSimpleName());
      } else {
        accessors.add(new Accessor(signature, dao));
      }
    }
    return new Declaration(
        db, annotations.integer(a, "version"), annotations.bool(a, "exportSchema"),
        at.attribute("exportSchema"), entities, accessors, delegates, naming(db), views);
  }

  /** {@code @Database(naming)}: how the entities it lists name their tables and columns. */
  public Naming naming(TypeElement db) {
    AnnotationMirror a = Annotations.find(db, DATABASE).orElseThrow();
    return Naming.valueOf(annotations.enumName(a, "naming"));
  }

  /** The entity types a database lists, skipping what is not (yet) a type. */
  public List<TypeElement> listedEntities(TypeElement db) {
    AnnotationMirror a = Annotations.find(db, DATABASE).orElseThrow();
    List<TypeElement> out = new ArrayList<>();
    for (AnnotationValue v : annotations.list(a, "entities")) {
      if (v.getValue() instanceof DeclaredType t) {
        out.add((TypeElement) t.asElement());
      }
    }
    return out;
  }

  /** The distinct types listed in {@code attribute}; one that {@code fits} refuses is reported. */
  private List<TypeElement> types(AnnotationMirror a, String attribute, Source at,
      java.util.function.Predicate<TypeElement> fits, Message wrong, Report report) {
    List<TypeElement> out = new ArrayList<>();
    for (AnnotationValue v : annotations.listOrEmpty(a, attribute)) {
      TypeElement e;
      try {
        e = Annotations.typeOf(v.getValue());
      } catch (MissingTypeException missing) {
        throw missing.at(at.withValue(v));
      }
      if (e == null || !fits.test(e)) {
        report.add(at.withValue(v), wrong, v.getValue());
      } else if (!out.contains(e)) {
        out.add(e);
      }
    }
    return out;
  }

  private static TypeElement daoOf(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      throw new MissingTypeException(type.toString());
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement e = (TypeElement) ((DeclaredType) type).asElement();
    return Annotations.find(e, DaoReader.DAO).isPresent() ? e : null;
  }
}
