package keystone.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;

final class Compile {
  private Compile() {}

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new KeystoneProcessor()).compile(sources);
  }
}
