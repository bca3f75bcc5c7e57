package keystone.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static keystone.processor.Compile.compile;
import static keystone.processor.Rules.dao;
import static keystone.processor.Rules.daoDatabase;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @RawQuery}: its parameter, what it may return, and what an observed one reads. */
class RawQueryRulesTest {
  private static Compilation withDao(JavaFileObject dao) {
    return compile(Sources.USER, Sources.ORDER, Sources.CATEGORY, dao, daoDatabase());
  }

  private static JavaFileObject raw(String... methods) {
    String[] lines = new String[methods.length + 1];
    lines[0] = "  // import keystone.engine.SqlQuery by its full name below";
    System.arraycopy(methods, 0, lines, 1, methods.length);
    return dao(lines);
  }

  @Test
  void everyReturnShapeOfAQueryCompiles() {
    JavaFileObject dao = raw(
        "  @RawQuery List<User> users(keystone.engine.SqlQuery q);",
        "  @RawQuery Optional<User> user(keystone.engine.SqlQuery q);",
        "  @RawQuery long count(keystone.engine.SqlQuery q);",
        "  @RawQuery void run(keystone.engine.SqlQuery q);",
        "  @RawQuery List<String> emails(keystone.engine.SqlQuery q);",
        "  @RawQuery(observedEntities = {User.class, Order.class})",
        "  java.util.concurrent.Flow.Publisher<List<OrderSummary>> watch(",
        "      keystone.engine.SqlQuery q);",
        "  record OrderSummary(long id, String email) {}");
    assertThat(withDao(dao)).succeededWithoutWarnings();
  }

  @Test
  void theParameterIsOneSqlQuery() {
    JavaFileObject dao = raw("  @RawQuery List<User> users(String sql);");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/RawQueryParameter] @RawQuery method"
        + " users must take exactly one parameter, a keystone.engine.SqlQuery")
        .inFile(dao).onLineContaining("users(String sql)");
  }

  @Test
  void anObservedResultNamesWhatItReads() {
    JavaFileObject dao = raw("  @RawQuery java.util.concurrent.Flow.Publisher<List<User>> watch(",
        "      keystone.engine.SqlQuery q);");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/RawQueryNotObserved]")
        .inFile(dao).onLineContaining("@RawQuery");
  }

  @Test
  void observedEntitiesAreEntitiesOfTheDatabase() {
    JavaFileObject dao = raw("  @RawQuery(observedEntities = String.class)",
        "  java.util.concurrent.Flow.Publisher<List<User>> watch(keystone.engine.SqlQuery q);");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/RawQueryObservedNotEntity]"
        + " java.lang.String in observedEntities is not an @Entity or a @DatabaseView of Db")
        .inFile(dao).onLineContaining("observedEntities = String.class");
  }

  @Test
  void aMultimapIsRefused() {
    JavaFileObject dao =
        raw("  @RawQuery Map<User, List<Order>> byUser(keystone.engine.SqlQuery q);");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/RawQueryReturnType]")
        .inFile(dao).onLineContaining("byUser");
  }

  @Test
  void aResultWithARelationIsRefused() {
    JavaFileObject dao = raw(
        "  record WithOrders(long id, @Relation(parentColumn = \"id\", entityColumn = \"user_id\")",
        "      List<Order> orders) {}",
        "  @RawQuery List<WithOrders> graph(keystone.engine.SqlQuery q);");
    assertThat(withDao(dao)).hadErrorContaining("@Relation keys are columns resolved at compile"
        + " time").inFile(dao).onLineContaining("@RawQuery List<WithOrders>");
  }
}
