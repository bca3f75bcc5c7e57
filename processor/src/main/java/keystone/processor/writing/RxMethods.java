package keystone.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import keystone.processor.model.DaoMethodModel;
import keystone.processor.model.RxKind;

/**
 * Bodies of DAO methods that return RxJava 3 types, as Room's rxjava3 artifact writes them: the
 * method's plain form is generated as a private method, and the RxJava value runs it when
 * subscribed (never before), so its exceptions reach {@code onError} with their own types. An
 * observed query's plain form returns the engine's {@code Observed}, adapted to the Reactive
 * Streams {@code Publisher} that RxJava reads: no {@code java.util.concurrent.Flow}, which
 * Android lacks before API 30. Only these methods name RxJava types.
 */
final class RxMethods {
  private static final ClassName KEYSTONE_EXCEPTION =
      ClassName.get("keystone.engine", "KeystoneException");

  private RxMethods() {}

  /** Writes the plain method through {@code plainBody}, and returns the RxJava method's body. */
  static CodeBlock rx(DaoMethodModel.Rx m, CodeBlock plainBody, DaoWriter.Constants constants) {
    MethodSpec sig = m.signature();
    TypeName plainType = plainType(m);
    String plain = constants.privateMethod(sig.name() + "Plain", m, plainType, sig, plainBody);
    String args = String.join(", ", sig.parameters().stream().map(p -> p.name()).toList());
    ClassName type = ClassName.get(RxKind.PACKAGE, m.kind().simpleName());
    CodeBlock call = CodeBlock.of("$L($L)", plain, args);
    String value = new Names(sig.parameters().stream().map(p -> p.name()).toList())
        .fresh("value");
    return switch (m.kind()) {
      case FLOWABLE -> CodeBlock.builder()
          .addStatement("return $T.fromPublisher($T.of($L))", type,
              GeneratedFiles.REACTIVE_STREAMS_PUBLISHER, call)
          .build();
      case OBSERVABLE -> CodeBlock.builder()
          .addStatement("return $T.fromPublisher($T.of($L)).toObservable()",
              ClassName.get(RxKind.PACKAGE, "Flowable"), GeneratedFiles.REACTIVE_STREAMS_PUBLISHER,
              call)
          .build();
      case SINGLE -> plainType.isPrimitive()
          ? CodeBlock.builder().addStatement("return $T.fromCallable(() -> $L)", type, call).build()
          : CodeBlock.builder()
              .add("return $T.fromCallable(() -> {\n$>", type)
              .addStatement("$T $L = $L", plainType, value, call)
              .beginControlFlow("if ($L == null)", value)
              .addStatement("throw new $T($S)", KEYSTONE_EXCEPTION,
                  sig.name() + "() found no row, and a Single must have a value; return a Maybe")
              .endControlFlow()
              .addStatement("return $L", value)
              .add("$<});\n")
              .build();
      case MAYBE -> CodeBlock.builder()
          .addStatement("return $T.fromCallable(() -> $L)", type, call).build();
      case COMPLETABLE -> CodeBlock.builder()
          .addStatement("return $T.fromAction(() -> $L)", type, call).build();
    };
  }

  /** The plain method's type: for an observed query the engine's {@code Observed<T>}. */
  private static TypeName plainType(DaoMethodModel.Rx m) {
    TypeName inner = m.inner().signature().returnType();
    if (m.kind() == RxKind.FLOWABLE || m.kind() == RxKind.OBSERVABLE) {
      TypeName value = ((ParameterizedTypeName) inner).typeArguments().get(0);
      return ParameterizedTypeName.get(GeneratedFiles.OBSERVED, value);
    }
    return inner;
  }
}
