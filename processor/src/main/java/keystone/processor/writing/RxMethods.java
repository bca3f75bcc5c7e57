package keystone.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import keystone.processor.model.DaoMethodModel;
import keystone.processor.model.RxKind;

/**
 * Bodies of DAO methods that return RxJava 3 types, as Room's rxjava3 artifact writes them: the
 * method's plain form is generated as a private method, and the RxJava value runs it when
 * subscribed (never before), so its exceptions reach {@code onError} with their own types. An
 * observed query's {@code Flow.Publisher} is adapted through Reactive Streams' own
 * {@code FlowAdapters}, which RxJava depends on. Only these methods name RxJava types.
 */
final class RxMethods {
  private static final ClassName FLOW_ADAPTERS =
      ClassName.get("org.reactivestreams", "FlowAdapters");
  private static final ClassName KEYSTONE_EXCEPTION =
      ClassName.get("keystone.engine", "KeystoneException");

  private RxMethods() {}

  /** Writes the plain method through {@code plainBody}, and returns the RxJava method's body. */
  static CodeBlock rx(DaoMethodModel.Rx m, CodeBlock plainBody, DaoWriter.Constants constants) {
    MethodSpec sig = m.signature();
    TypeName plainType = m.inner().signature().returnType();
    String plain = constants.privateMethod(sig.name() + "Plain", m, plainType, sig, plainBody);
    String args = String.join(", ", sig.parameters().stream().map(p -> p.name()).toList());
    ClassName type = ClassName.get(RxKind.PACKAGE, m.kind().simpleName());
    CodeBlock call = CodeBlock.of("$L($L)", plain, args);
    String value = new Names(sig.parameters().stream().map(p -> p.name()).toList())
        .fresh("value");
    return switch (m.kind()) {
      case FLOWABLE -> CodeBlock.builder()
          .addStatement("return $T.fromPublisher($T.toPublisher($L))", type, FLOW_ADAPTERS, call)
          .build();
      case OBSERVABLE -> CodeBlock.builder()
          .addStatement("return $T.fromPublisher($T.toPublisher($L)).toObservable()",
              ClassName.get(RxKind.PACKAGE, "Flowable"), FLOW_ADAPTERS, call)
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
}
