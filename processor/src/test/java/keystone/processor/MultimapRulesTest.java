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

/** Multimap returns: what a key and a value may be, and how a shared column name is resolved. */
class MultimapRulesTest {
  private static Compilation withDao(JavaFileObject dao) {
    return compile(Sources.USER, Sources.ORDER, Sources.CATEGORY, dao, daoDatabase());
  }

  @Test
  void entitiesTakeTheColumnsOfTheirOwnTable() throws IOException {
    JavaFileObject dao = dao("  @Query(\"SELECT * FROM users u JOIN orders o ON o.user_id = u.id\")",
        "  Map<User, List<Order>> ordersByUser();");
    Compilation c = withDao(dao);
    assertThat(c).succeededWithoutWarnings();
    String impl = c.generatedFile(StandardLocation.SOURCE_OUTPUT, "test/TestDao_Impl.java")
        .orElseThrow().getCharContent(false).toString();
    // users.id is column 0, orders.id column 4: each entity reads its own.
    assertThat(impl).contains("st.columnLong(0)");
    assertThat(impl).contains("st.isNull(4) ? null : st.columnLong(4)");
    assertThat(impl).contains("new LinkedHashMap<>()");
  }

  @Test
  void aScalarKeyIsRefused() {
    JavaFileObject dao = dao("  @Query(\"SELECT * FROM users\") Map<String, List<User>> byEmail();");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/MultimapType]")
        .inFile(dao).onLineContaining("Map<String, List<User>>");
  }

  @Test
  void aKeyWithoutEqualsIsRefused() {
    JavaFileObject dao = dao("  @Query(\"SELECT * FROM categories, users\")",
        "  Map<Category, List<User>> usersByCategory();");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/MultimapKeyEquality] test.Category is"
        + " a multimap key but declares no equals(Object) and hashCode()")
        .inFile(dao).onLineContaining("SELECT * FROM categories, users");
  }

  @Test
  void aColumnNameTwoTablesShareIsAmbiguousForAPlainRecord() {
    JavaFileObject dao = dao("  record Who(long id, String email) {}",
        "  record What(long id, double total) {}",
        "  @Query(\"SELECT * FROM users u JOIN orders o ON o.user_id = u.id\")",
        "  Map<Who, List<What>> whoWhat();");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/MultimapAmbiguousColumn] Who reads"
        + " column id, which the query returns 2 times (from users, orders)")
        .inFile(dao).onLineContaining("SELECT * FROM users u JOIN orders");
  }

  @Test
  void aliasedColumnsAreNotAmbiguous() {
    JavaFileObject dao = dao("  record Who(long userId, String email) {}",
        "  record What(long orderId, double total) {}",
        "  @Query(\"SELECT u.id AS user_id, u.email, o.id AS order_id, o.total FROM users u\"",
        "      + \" JOIN orders o ON o.user_id = u.id\")",
        "  Map<Who, What> whoWhat();");
    assertThat(withDao(dao)).succeededWithoutWarnings();
  }

  @Test
  void aMultimapOfAWriteIsRefused() {
    JavaFileObject dao = dao("  @Query(\"DELETE FROM users RETURNING *\")",
        "  Map<User, List<User>> gone();");
    assertThat(withDao(dao)).hadErrorContaining("a multimap is read by a SELECT")
        .inFile(dao).onLineContaining("DELETE FROM users");
  }
}
