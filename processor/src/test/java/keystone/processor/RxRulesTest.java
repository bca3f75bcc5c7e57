package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static keystone.processor.Compile.compile;
import static keystone.processor.Rules.dao;
import static keystone.processor.Rules.daoDatabase;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** RxJava 3 returns: generated only where declared, and checked like their plain form. */
class RxRulesTest {
  private static Compilation withDao(JavaFileObject dao) {
    return compile(Sources.USER, Sources.ORDER, Sources.CATEGORY, dao, daoDatabase());
  }

  private static String impl(Compilation c) throws IOException {
    return c.generatedFile(StandardLocation.SOURCE_OUTPUT, "test/TestDao_Impl.java")
        .orElseThrow().getCharContent(false).toString();
  }

  @Test
  void rxReturnsCompileIntoRxCode() throws IOException {
    JavaFileObject dao = dao("  @Insert io.reactivex.rxjava3.core.Single<Long> insert(User u);",
        "  @Delete io.reactivex.rxjava3.core.Completable delete(User u);",
        "  @Query(\"SELECT * FROM users\")",
        "  io.reactivex.rxjava3.core.Flowable<List<User>> users();",
        "  @Query(\"SELECT * FROM users WHERE id = :value\")",
        "  io.reactivex.rxjava3.core.Single<User> user(long value);");
    Compilation c = withDao(dao);
    assertThat(c).succeededWithoutWarnings();
    String impl = impl(c);
    assertThat(impl).contains("return Single.fromCallable(() -> insertPlain(u));");
    assertThat(impl)
        .contains("return Flowable.fromPublisher(ReactiveStreamsPublisher.of(usersPlain()));");
    // The plain form is the engine's Observed: RxJava observers never load Flow (API 30+).
    assertThat(impl).contains("private Observed<List<User>> usersPlain() {");
    assertThat(impl).doesNotContain("concurrent.Flow");
    assertThat(impl).doesNotContain("FlowPublisher");
    assertThat(impl).contains("User value2 = userPlain(value);");
  }

  @Test
  void noRxTypeNoRxCode() throws IOException {
    JavaFileObject dao = dao("  @Insert long insert(User u);",
        "  @Query(\"SELECT * FROM users\")",
        "  java.util.concurrent.Flow.Publisher<List<User>> users();");
    Compilation c = withDao(dao);
    assertThat(c).succeededWithoutWarnings();
    assertThat(impl(c)).doesNotContain("reactivex");
    assertThat(impl(c)).doesNotContain("reactivestreams");
  }

  @Test
  void theWrappedTypeIsCheckedAsThePlainOneWouldBe() {
    JavaFileObject dao = dao("  @Insert io.reactivex.rxjava3.core.Single<String> insert(User u);");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/DaoMethodReturn] @Insert method insert"
        + " cannot return java.lang.String").inFile(dao).onLineContaining("Single<String>");
  }

  @Test
  void aRawRxTypeIsRefused() {
    JavaFileObject dao = dao("  @SuppressWarnings(\"rawtypes\")",
        "  @Query(\"SELECT * FROM users\") io.reactivex.rxjava3.core.Single users();");
    assertThat(withDao(dao)).hadErrorContaining("an RxJava type with its element type")
        .inFile(dao).onLineContaining("Single users()");
  }

  @Test
  void aWriteCannotBeAFlowable() {
    JavaFileObject dao = dao("  @Query(\"DELETE FROM users\")",
        "  io.reactivex.rxjava3.core.Flowable<Integer> purge();");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/QueryReturnType]")
        .inFile(dao).onLineContaining("DELETE FROM users");
  }
}
