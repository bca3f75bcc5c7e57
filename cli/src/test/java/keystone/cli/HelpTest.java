package keystone.cli;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    Cli.Run badName =
        Cli.run("import", "x.db", "--package", "a.b", "--out", "src", "--database", "no-name");
    assertEquals(2, badName.exit());
    assertThat(badName.err()).contains("not a Java class name");
  }

  @Test
  void ddlThatSqliteRefusesIsReportedNotHalfRead(@TempDir Path dir) throws Exception {
    Path ddl = Files.writeString(dir.resolve("bad.sql"),
        "CREATE TABLE a (id INTEGER PRIMARY KEY);\nCREATE TABLE b (id INTEGER PRIMARY KEY,,);");
    Cli.Run run = Cli.run("doctor", ddl.toString());
    assertEquals(2, run.exit());
    assertThat(run.err()).contains("does not load into SQLite");
  }
}
