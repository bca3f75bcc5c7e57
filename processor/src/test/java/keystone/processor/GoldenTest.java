package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A golden run in update mode rewrites the file and still fails: it is never a pass. */
class GoldenTest {
  @TempDir Path dir;

  @Test
  void updateModeWritesTheFileAndFails() throws IOException {
    Path golden = dir.resolve("golden/x.sql");
    AssertionError e = assertThrows(AssertionError.class,
        () -> Golden.check(golden, "CREATE TABLE x (id INTEGER);\n", true));
    assertThat(e).hasMessageThat().startsWith("updated " + golden);
    assertThat(Files.readString(golden, StandardCharsets.UTF_8))
        .isEqualTo("CREATE TABLE x (id INTEGER);\n");
  }

  @Test
  void updateModeFailsEvenWhenNothingChanged() throws IOException {
    Path golden = dir.resolve("x.sql");
    Files.writeString(golden, "same\n", StandardCharsets.UTF_8);
    AssertionError e =
        assertThrows(AssertionError.class, () -> Golden.check(golden, "same\n", true));
    assertThat(e).hasMessageThat().startsWith("unchanged " + golden);
  }

  @Test
  void compareModeFailsOnADifferenceAndLeavesTheFile() throws IOException {
    Path golden = dir.resolve("x.sql");
    Files.writeString(golden, "old\n", StandardCharsets.UTF_8);
    assertThrows(AssertionError.class, () -> Golden.check(golden, "new\n", false));
    assertThat(Files.readString(golden, StandardCharsets.UTF_8)).isEqualTo("old\n");
    Golden.check(golden, "old\n", false);
  }
}
