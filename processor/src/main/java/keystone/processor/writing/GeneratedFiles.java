package keystone.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;

/**
 * The one place generated files are written: originating element for incremental builds,
 * {@code @Generated} without a timestamp so builds are reproducible, and the house layout.
 */
public final class GeneratedFiles {
  static final ClassName ENGINE = ClassName.get("keystone.engine.spi", "Engine");
  static final ClassName CALL_SCOPE = ClassName.get("keystone.engine.spi", "CallScope");
  static final ClassName DIALECT = ClassName.get("keystone.engine.spi", "Dialect");
  static final ClassName SQL_STATEMENT = ClassName.get("keystone.engine.spi", "SqlStatement");
  /** An observed query, and its two adapters: to Flow.Publisher, and to RxJava's Publisher. */
  static final ClassName OBSERVED = ClassName.get("keystone.engine.spi", "Observed");
  static final ClassName FLOW_PUBLISHER = ClassName.get("keystone.engine.spi", "FlowPublisher");
  static final ClassName REACTIVE_STREAMS_PUBLISHER =
      ClassName.get("keystone.engine.spi", "ReactiveStreamsPublisher");
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  private final Filer filer;

  public GeneratedFiles(Filer filer) {
    this.filer = filer;
  }

  static TypeSpec.Builder classBuilder(ClassName name, List<? extends Element> origins) {
    TypeSpec.Builder type = TypeSpec.classBuilder(name);
    origins.forEach(type::addOriginatingElement);
    return type
        .addAnnotation(
            AnnotationSpec.builder(GENERATED)
                .addMember("value", "$S", "keystone.processor.KeystoneProcessor")
                .build());
  }

  public static JavaFile file(String packageName, TypeSpec type) {
    return JavaFile.builder(packageName, type).skipJavaLangImports(true).indent("  ").build();
  }

  public void write(String packageName, TypeSpec type) {
    try {
      file(packageName, type).writeTo(filer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
