package keystone.cli;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The help says what a source is and how each is opened; usage errors exit 2. */
class HelpTest {
  @Test
  void helpNamesTheSourcesAndTheInMemoryDdlLoad() {
    Cli.Run top = Cli.run("--help");
    assertEquals(0, top.exit());
    assertThat(top.out()).contains("doctor");
    assertThat(top.out()).contains("import");
    assertThat(oneLine(top.out())).contains("in-memory SQLite");
    String doctor = oneLine(Cli.run("doctor", "--help").out());
    assertThat(doctor).contains("opened with mode=ro");
    assertThat(doctor).contains("loaded into a private in-memory SQLite database");
    assertThat(doctor).contains("READ ONLY transaction");
    assertThat(doctor).contains("--fail-on");
    assertThat(oneLine(Cli.run("import", "--help").out()))
        .contains("loaded into a private in-memory SQLite database");
  }

  /** Help is wrapped to the terminal; compare words, not line breaks. */
  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ");
  }

  @Test
  void wrongArgumentsExitWithTwo() {
    assertEquals(2, Cli.run("doctor").exit());
    assertEquals(2, Cli.run("doctor", "--fail-on", "sometimes", "x.db").exit());
    assertEquals(2, Cli.run("import", "x.db", "--out", "src").exit());
    Cli.Run badPackage = Cli.run("import", "x.db", "--package", "1bad", "--out", "src");
    assertEquals(2, badPackage.exit());
    assertThat(badPackage.err()).contains("not a Java package name");
  }
}
