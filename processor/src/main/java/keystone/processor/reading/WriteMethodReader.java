package keystone.processor.reading;

import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import keystone.ForeignKey.Action;
import keystone.OnConflict;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.DaoMethodModel;
import keystone.processor.model.DaoMethodModel.Arity;
import keystone.processor.model.DaoMethodModel.Returns;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ForeignKeyModel;
import keystone.processor.sql.TableReach.Effect;

/** Reads {@code @Insert}, {@code @Upsert}, {@code @Update} and {@code @Delete} methods. */
final class WriteMethodReader {
  private final Env env;
  private final Annotations annotations;
  private final Reachability reachability;

  WriteMethodReader(Env env) {
    this.env = env;
    this.annotations = new Annotations(env);
    this.reachability = new Reachability(env);
  }

  /** {@code returns} is the method's return type, or the type an RxJava one wraps. */
  Optional<DaoMethodModel> read(
      String kind, ExecutableElement m, AnnotationMirror a, MethodSpec signature,
      TypeMirror returnType, DaoContext ctx, Report report) {
    Source at = new Source(m, a, null);
    if (m.getParameters().size() != 1) {
      report.add(at, Message.DAO_METHOD_PARAMETER, kind,
          "found " + m.getParameters().size() + " parameters");
      return Optional.empty();
    }
    VariableElement p = m.getParameters().get(0);
    TypeMirror type = p.asType();
    Arity arity = Arity.SINGLE;
    TypeMirror element = type;
    if (type instanceof ArrayType array) {
      arity = Arity.ARRAY;
      element = array.getComponentType();
    } else if (isIterable(type)) {
      arity = isA(type, "java.util.Collection") ? Arity.COLLECTION : Arity.ITERABLE;
      element = elementOf((DeclaredType) type);
    }
    TypeElement entityType = element == null ? null : Annotations.typeOf(element);
    EntityModel entity =
        entityType == null ? null : ctx.entities().get(entityType.getQualifiedName().toString());
    if (entity == null) {
      if (entityType != null
          && ctx.broken().contains(entityType.getQualifiedName().toString())) {
        return Optional.empty();
      }
      if (entityType != null && EntityReader.isEntity(entityType)) {
        report.add(Source.of(p), Message.DAO_ENTITY_NOT_IN_DATABASE, entityType.getSimpleName(),
            ctx.database());
      } else {
        report.add(Source.of(p), Message.DAO_METHOD_PARAMETER, kind, type + " is not an entity");
      }
      return Optional.empty();
    }
    if (!reachability.checkEntityRead(entityType, entity, ctx, report)) {
      return Optional.empty();
    }
    boolean insert = kind.equals("Insert") || kind.equals("Upsert");
    Optional<Returns> returns = returns(returnType, insert, arity);
    if (returns.isEmpty()) {
      String allowed = !insert ? "void or int"
          : arity == Arity.SINGLE ? "void, long or Long" : "void, long[] or List<Long>";
      report.add(at, Message.DAO_METHOD_RETURN, kind, m.getSimpleName(), returnType,
          allowed);
      return Optional.empty();
    }
    String parameter = p.getSimpleName().toString();
    if (!insert) {
      boolean delete = kind.equals("Delete");
      OnConflict onConflict = delete ? OnConflict.ABORT
          : OnConflict.valueOf(annotations.enumName(a, "onConflict"));
      Set<Integer> changes =
          new TreeSet<>(ctx.tables().changes(entity, delete ? Effect.DELETE : Effect.UPDATE));
      if (onConflict == OnConflict.REPLACE) {
        // UPDATE OR REPLACE deletes the rows whose unique keys it would collide with.
        warnReplace(kind, entity, ctx, at.withValue(Annotations.explicit(a, "onConflict")), report);
        changes.addAll(ctx.tables().changes(entity, Effect.DELETE));
      }
      return Optional.of(new DaoMethodModel.UpdateOrDelete(
          signature, entity, parameter, arity, returns.get(), delete, List.copyOf(changes),
          onConflict));
    }
    OnConflict onConflict = kind.equals("Insert")
        ? OnConflict.valueOf(annotations.enumName(a, "onConflict")) : OnConflict.ABORT;
    if (onConflict == OnConflict.REPLACE) {
      warnReplace(kind, entity, ctx, at.withValue(Annotations.explicit(a, "onConflict")), report);
    }
    boolean upsert = kind.equals("Upsert");
    // An upsert's DO UPDATE rewrites the row in place; REPLACE deletes it first.
    Effect effect = upsert ? Effect.UPDATE
        : onConflict == OnConflict.REPLACE ? Effect.REPLACE : Effect.INSERT;
    return Optional.of(new DaoMethodModel.Insert(
        signature, entity, parameter, arity, returns.get(), onConflict, upsert,
        ctx.tables().changes(entity, effect)));
  }

  /** REPLACE deletes first: https://www.sqlite.org/lang_conflict.html */
  private static void warnReplace(
      String kind, EntityModel parent, DaoContext ctx, Source at, Report report) {
    List<String> effects = new ArrayList<>();
    for (EntityModel child : ctx.entities().values()) {
      for (ForeignKeyModel fk : child.foreignKeys()) {
        Action a = fk.onDelete();
        if (fk.parentEntity().equals(parent.qualifiedName())
            && (a == Action.CASCADE || a == Action.SET_NULL || a == Action.SET_DEFAULT)) {
          String verb = a == Action.CASCADE ? "deletes rows of " : "rewrites rows of ";
          effects.add("ON DELETE " + a.sql() + " (" + fk.name() + "), which " + verb
              + child.table());
        }
      }
    }
    if (!effects.isEmpty()) {
      effects.sort(null);
      String deleted =
          kind.equals("Insert") ? "the old row" : "the rows its new values collide with";
      report.add(at, Message.INSERT_REPLACE_CASCADES, kind, parent.table(), deleted,
          String.join("; ", effects));
    }
  }

  private static Optional<Returns> returns(TypeMirror type, boolean insert, Arity arity) {
    String t = type.toString();
    if (type.getKind() == TypeKind.VOID) {
      return Optional.of(Returns.VOID);
    }
    if (!insert) {
      return type.getKind() == TypeKind.INT ? Optional.of(Returns.INT) : Optional.empty();
    }
    if (arity == Arity.SINGLE) {
      // A boxed Long is the same id; generated code returns the long and lets Java box it.
      return type.getKind() == TypeKind.LONG || t.equals("java.lang.Long")
          ? Optional.of(Returns.LONG) : Optional.empty();
    }
    if (t.equals("long[]")) {
      return Optional.of(Returns.LONG_ARRAY);
    }
    if (t.equals("java.util.List<java.lang.Long>")) {
      return Optional.of(Returns.LONG_LIST);
    }
    return Optional.empty();
  }

  boolean isIterable(TypeMirror type) {
    return isA(type, "java.lang.Iterable");
  }

  private boolean isA(TypeMirror type, String qualifiedName) {
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement target = env.typeElement(qualifiedName);
    return env.types().isAssignable(
        env.types().erasure(type), env.types().erasure(target.asType()));
  }

  static TypeMirror elementOf(DeclaredType type) {
    if (type.getTypeArguments().size() != 1) {
      return null;
    }
    TypeMirror arg = type.getTypeArguments().get(0);
    if (arg instanceof WildcardType w) {
      return w.getExtendsBound();
    }
    return arg;
  }
}
