package keystone.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;
import keystone.engine.spi.Schema;

/**
 * The {@code SCHEMA} constant of a generated {@code _Impl}, read from the compiled class itself
 * rather than parsed out of its source: what a test runs is exactly what the engine receives.
 */
final class GeneratedSchema {
  private static final String OUTPUT = "/CLASS_OUTPUT/";

  private GeneratedSchema() {}

  static Schema of(Compilation compilation, String implName) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject f : compilation.generatedFiles()) {
      String path = f.toUri().getPath();
      int at = path.indexOf(OUTPUT);
      if (f.getKind() == JavaFileObject.Kind.CLASS && at >= 0) {
        String name = path.substring(at + OUTPUT.length(), path.length() - ".class".length());
        classes.put(name.replace('/', '.'), bytes(f));
      }
    }
    ClassLoader loader = new ClassLoader(GeneratedSchema.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
      }
    };
    try {
      return (Schema) Class.forName(implName, true, loader).getField("SCHEMA").get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("no SCHEMA in " + implName + " among " + classes.keySet(), e);
    }
  }

  private static byte[] bytes(JavaFileObject f) {
    try (InputStream in = f.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
