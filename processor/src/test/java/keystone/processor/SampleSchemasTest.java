package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static keystone.processor.Compile.compile;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the schema export on the real samples: compiles the ShopFlow, blog and scores
 * sources of {@code samples/} and compares the four files of each database with the ones
 * committed under {@code samples/schemas/}, so committed exports never go stale. After a
 * deliberate change, rewrite them with {@code -Dkeystone.golden.update=true} (or build samples,
 * which writes them through {@code -Akeystone.schemaLocation}) and review the diff like code; an
 * update run fails on purpose (see {@link Golden}).
 */
class SampleSchemasTest {
  private static final Path SAMPLES = Path.of("../samples/src/main/java/keystone/samples");
  private static final Path COMMITTED = Path.of("../samples/schemas");

  @Test
  void shopFlow() throws IOException {
    check("shopflow", "keystone.samples.shopflow.ShopDatabase");
  }

  @Test
  void blog() throws IOException {
    check("blog", "keystone.samples.blog.BlogDatabase");
  }

  @Test
  void scores() throws IOException {
    check("scores", "keystone.samples.scores.ScoresDatabase");
  }

  private static void check(String pkg, String database) throws IOException {
    Compilation c = compile(sources(pkg));
    assertThat(c).succeededWithoutWarnings();
    for (String ext : List.of("json", "sql", "postgres.sql", "md")) {
      String name = "1." + ext;
      String actual = c.generatedFile(StandardLocation.CLASS_OUTPUT, "",
              "keystone/schemas/" + database + "/" + name)
          .orElseThrow(() -> new AssertionError("no " + name + " for " + database))
          .getCharContent(true).toString();
      Path golden = COMMITTED.resolve(database).resolve(name);
      Golden.check(golden, actual);
    }
  }

  /** The sources of one sample package, such as {@code shopflow}. */
  static JavaFileObject[] sources(String pkg) throws IOException {
    try (Stream<Path> files = Files.list(SAMPLES.resolve(pkg))) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().map(p -> {
        try {
          return JavaFileObjects.forResource(p.toUri().toURL());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toArray(JavaFileObject[]::new);
    }
  }
}
