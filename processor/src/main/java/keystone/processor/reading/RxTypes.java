package keystone.processor.reading;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import keystone.processor.model.RxKind;

/**
 * Recognises an RxJava 3 return type and gives the type the method reads or writes without it:
 * {@code Flowable<T>} and {@code Observable<T>} are observed like {@code Flow.Publisher<T>},
 * {@code Single<Long>} is an insert's {@code long}, {@code Completable} is {@code void}. Only a
 * method declared with an RxJava type gets RxJava code, so a project without RxJava on its class
 * path never has any in its generated code.
 */
final class RxTypes {
  /** The RxJava type and the type of the synchronous method it wraps. */
  record Rx(RxKind kind, TypeMirror inner) {}

  private static final String PUBLISHER = "java.util.concurrent.Flow.Publisher";

  private final Env env;

  RxTypes(Env env) {
    this.env = env;
  }

  /** The RxJava shape of {@code type}, or null when it is no RxJava type. */
  Rx of(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    String erased = env.types().erasure(type).toString();
    for (RxKind kind : RxKind.values()) {
      if (erased.equals(RxKind.PACKAGE + "." + kind.simpleName())) {
        return new Rx(kind, inner(kind, (DeclaredType) type));
      }
    }
    return null;
  }

  private TypeMirror inner(RxKind kind, DeclaredType type) {
    if (kind == RxKind.COMPLETABLE) {
      return env.types().getNoType(TypeKind.VOID);
    }
    if (type.getTypeArguments().isEmpty()) {
      return null;
    }
    TypeMirror element = type.getTypeArguments().get(0);
    return switch (kind) {
      case FLOWABLE, OBSERVABLE -> {
        TypeElement publisher = env.typeElement(PUBLISHER);
        yield env.types().getDeclaredType(publisher, element);
      }
      // A Single always has a value: an insert's Long is its long, an update's Integer its int.
      case SINGLE -> unboxed(element);
      default -> element;
    };
  }

  private TypeMirror unboxed(TypeMirror type) {
    try {
      PrimitiveType primitive = env.types().unboxedType(type);
      return primitive;
    } catch (IllegalArgumentException notABox) {
      return type;
    }
  }
}
