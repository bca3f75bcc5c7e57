package keystone.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static keystone.processor.Compile.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

class GeneratedCodeTest {
  @Test
  void recordsFieldClassesAndBeansCompile() {
    Compilation c = compile(Sources.USER, Sources.ORDER, Sources.CATEGORY, Sources.SUMMARY,
        Sources.USER_DAO, Sources.ORDER_DAO, Sources.SHOP);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ShopDatabase_Impl");
    assertThat(c).generatedSourceFile("test.UserDao_Impl");
    assertThat(c).generatedSourceFile("test.OrderDao_Impl");
    if (Boolean.getBoolean("keystone.dump")) {
      c.generatedSourceFiles().forEach(f -> {
        try {
          System.out.println(f.getCharContent(true));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  }
}
