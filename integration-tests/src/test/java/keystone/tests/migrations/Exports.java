package keystone.tests.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import keystone.engine.guard.SqlGuard;
import keystone.testing.MigrationTestHelper;

/**
 * The exported DDL of the compiled version (the processor writes it to the class output), so a
 * hand-written schema migration states its target as the export does, the way a user copies it.
 */
final class Exports {
  /**
   * The committed exports of earlier versions: relative to the module (surefire's directory), or
   * where {@code keystone.tests.schemas} says when another module runs these classes (android/).
   */
  static final Path SCHEMAS = Path.of(System.getProperty("keystone.tests.schemas", "schemas"));

  private Exports() {}

  static MigrationTestHelper helper(Path dir) {
    return new MigrationTestHelper(dir).schemaLocation(SCHEMAS);
  }

  /** The {@code CREATE TABLE} of {@code table} in the current export of {@code database}. */
  static String createTable(Class<?> database, int version, String table) {
    return statements(database, version).stream()
        .filter(s -> s.startsWith("CREATE TABLE " + table + " ("))
        .findFirst().orElseThrow();
  }

  /** The {@code CREATE INDEX} statements of {@code table}. */
  static String[] createIndexes(Class<?> database, int version, String table) {
    return statements(database, version).stream()
        .filter(s -> s.matches("(?s)CREATE (UNIQUE )?INDEX \\S+ ON " + table + " \\(.*"))
        .toArray(String[]::new);
  }

  private static List<String> statements(Class<?> database, int version) {
    String name = "keystone/schemas/" + database.getName() + "/" + version + ".sql";
    try (InputStream in = database.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no export " + name + " on the classpath");
      }
      List<String> out = new ArrayList<>();
      for (String s : SqlGuard.split(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
        // The first statement carries the file's header comments.
        out.add(s.replaceAll("(?m)^--.*\\n", "").strip());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
