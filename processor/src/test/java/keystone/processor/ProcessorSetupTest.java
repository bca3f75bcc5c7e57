package keystone.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How build tools find and run the processor. */
class ProcessorSetupTest {
  /**
   * Gradle runs an annotation processor incrementally only when it declares its kind
   * (https://docs.gradle.org/current/userguide/java_plugin.html#sec:incremental_annotation_processing).
   * Aggregating: a database's _Impl and schema files depend on many entities and DAOs.
   */
  @Test
  void declaresGradleIncrementalKind() throws IOException {
    try (InputStream in = KeystoneProcessor.class.getResourceAsStream(
        "/META-INF/gradle/incremental.annotation.processors")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim())
          .isEqualTo("keystone.processor.KeystoneProcessor,aggregating");
    }
  }

  @Test
  void acceptsTheSchemaLocationOption() {
    assertThat(new KeystoneProcessor().getSupportedOptions())
        .containsExactly("keystone.schemaLocation", "keystone.roomSchemaLocation");
  }
}
