package keystone.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Compiles what {@code keystone import} wrote with the real Keystone processor (found on the test
 * class path through its service file, as a build finds it) and loads the classes.
 */
final class GeneratedCode {
  private GeneratedCode() {}

  /** Compiles every source under {@code src}; fails with javac's output when it does not. */
  static ClassLoader compile(Path src, Path classes) throws IOException {
    List<String> args = new ArrayList<>(List.of(
        "-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
        "-Akeystone.schemaLocation=" + classes.resolve("schemas")));
    try (Stream<Path> files = Files.walk(src)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int status = ToolProvider.getSystemJavaCompiler()
        .run(null, log, log, args.toArray(String[]::new));
    if (status != 0) {
      throw new AssertionError("generated code did not compile:\n" + log);
    }
    return new URLClassLoader(new URL[] {classes.toUri().toURL()},
        GeneratedCode.class.getClassLoader());
  }
}
