package keystone.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: generated text compared with a reviewed copy under version control. With
 * {@code -Dkeystone.golden.update=true} the copy is rewritten and the test fails saying so, so a
 * run that rewrote its own expectation never counts as a pass: review the diff, then run again
 * without the flag.
 */
final class Golden {
  static final String UPDATE = "keystone.golden.update";

  private Golden() {}

  /** Compares {@code actual} with {@code golden}, or rewrites it in update mode and fails. */
  static void check(Path golden, String actual) throws IOException {
    check(golden, actual, Boolean.getBoolean(UPDATE));
  }

  static void check(Path golden, String actual, boolean update) throws IOException {
    if (update) {
      Files.createDirectories(golden.getParent());
      boolean same = Files.exists(golden)
          && Files.readString(golden, StandardCharsets.UTF_8).equals(actual);
      if (!same) {
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      }
      throw new AssertionError((same ? "unchanged " : "updated ") + golden
          + " (-D" + UPDATE + "=true never passes: review the diff, then run without it)");
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
