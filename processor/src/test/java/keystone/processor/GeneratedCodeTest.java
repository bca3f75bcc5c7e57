package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static keystone.processor.Compile.compile;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
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
      c.generatedSourceFiles().forEach(f -> System.out.println(text(f)));
    }
  }

  /**
   * Several entities without ids to return: bound and queued one by one, then run by one
   * {@code executeBatch} (sqlite-jdbc steps the statement over every queued row in one driver
   * call, pgjdbc sends them in one round trip) rather than one {@code executeUpdate} per row.
   */
  @Test
  void severalEntitiesAreBatched() {
    JavaFileObject dao = Rules.dao(
        "  @Insert void insertAll(List<User> users);",
        "  @Upsert void saveAll(Iterable<User> users);",
        "  @Update int updateAll(User... users);",
        "  @Delete int deleteAll(Collection<User> users);",
        "  @Delete void deleteOne(User user);");
    String impl = generatedDao(dao);
    for (String method : new String[] {"insertAll", "saveAll", "updateAll", "deleteAll"}) {
      String body = body(impl, method);
      assertThat(body).containsMatch("(?s)for \\(User item : users\\) \\{.*st\\.addBatch\\(\\);"
          + "\\s*}\\s*(int count = )?st\\.executeBatch\\(\\);");
      assertThat(count(body, "executeBatch")).isEqualTo(1);
      assertThat(body).doesNotContain("executeUpdate");
    }
    assertThat(body(impl, "updateAll")).contains("int count = st.executeBatch();");
    assertThat(body(impl, "updateAll")).contains("return count;");
    assertThat(body(impl, "deleteOne")).contains("st.executeUpdate();");
    assertThat(body(impl, "deleteOne")).doesNotContain("Batch");
  }

  /** Ids are returned per row, straight into a long[]: no List<Long>, no boxing. */
  @Test
  void idsFillALongArrayDirectly() {
    JavaFileObject dao = Rules.dao(
        "  @Insert long[] fromArray(User... users);",
        "  @Insert long[] fromList(List<User> users);",
        "  @Insert long[] fromIterable(Iterable<User> users);",
        "  @Upsert long[] saveAll(List<User> users);",
        "  @Insert Long one(User user);");
    String impl = generatedDao(dao);
    assertThat(body(impl, "fromArray")).contains("long[] ids = new long[users.length];");
    assertThat(body(impl, "fromList")).contains("long[] ids = new long[users.size()];");
    assertThat(body(impl, "fromIterable")).contains("ids = Arrays.copyOf(ids, n * 2);");
    assertThat(body(impl, "fromIterable"))
        .contains("return n == ids.length ? ids : Arrays.copyOf(ids, n);");
    assertThat(body(impl, "saveAll")).contains("ids[n++] = st.step() ? st.columnLong(0) : -1;");
    for (String method : new String[] {"fromArray", "fromList", "fromIterable", "saveAll"}) {
      assertThat(body(impl, method)).contains("ids[n++] = ");
      assertThat(body(impl, method)).doesNotContain("List<Long>");
      assertThat(body(impl, method)).doesNotContain(".add(");
      assertThat(body(impl, method)).doesNotContain("Batch");
    }
    assertThat(body(impl, "one")).contains("long id = st.step() ? st.columnLong(0) : -1;");
    assertThat(impl).contains("RETURNING rowid");
  }

  /**
   * A PostgreSQL variant is a second constant; the constructor picks one into a final field, so
   * a call pays no branch. Dynamic SQL picks its fragments the same way. Portable SQL is as before.
   */
  @Test
  void postgresVariantIsChosenOnceAtConstruction() {
    JavaFileObject dao = Rules.dao(
        "  @Query(value = \"SELECT group_concat(email, ',') FROM users WHERE age > :age\",",
        "      postgres = \"SELECT string_agg(email, ',') FROM users WHERE age > :age\")",
        "  String emails(int age);",
        "  @Query(value = \"SELECT strftime('%Y', 'now') || email FROM users WHERE id IN (:ids)\","
            + " postgres = \"SELECT to_char(now(), 'YYYY') || email FROM users"
            + " WHERE id IN (:ids)\")",
        "  List<String> stamped(List<Long> ids);",
        "  @Query(\"SELECT email FROM users WHERE id = :id\") String email(long id);");
    String impl = generatedDao(dao);
    assertThat(impl).contains("private static final String SQL_EMAILS ="
        + " \"SELECT group_concat(email, ',') FROM users WHERE age > ?\";");
    assertThat(impl).contains("private static final String SQL_EMAILS_POSTGRES ="
        + " \"SELECT string_agg(email, ',') FROM users WHERE age > ?\";");
    assertThat(impl).contains("private final String sqlEmails;");
    assertThat(impl).contains("this.sqlEmails = engine.dialect() == Dialect.POSTGRES"
        + " ? SQL_EMAILS_POSTGRES : SQL_EMAILS;");
    assertThat(body(impl, "emails")).contains("SqlStatement st = scope.prepare(this.sqlEmails);");
    assertThat(body(impl, "emails")).doesNotContain("dialect");

    assertThat(impl).contains("private static final String[] SQL_STAMPED_POSTGRES ="
        + " {\"SELECT to_char(now(), 'YYYY') || email FROM users WHERE id IN (\", \")\"};");
    assertThat(impl).contains("private final String[] sqlStamped;");
    assertThat(body(impl, "stamped"))
        .contains("StringBuilder sql = new StringBuilder(this.sqlStamped[0]);");
    assertThat(body(impl, "stamped")).contains("sql.append(this.sqlStamped[1]);");

    assertThat(body(impl, "email")).contains("scope.prepare(SQL_EMAIL)");
    assertThat(impl).doesNotContain("SQL_EMAIL_POSTGRES");
  }

  private static String generatedDao(JavaFileObject dao) {
    Compilation c = compile(Sources.USER, Sources.ORDER, Sources.CATEGORY, dao,
        Rules.daoDatabase());
    assertThat(c).succeededWithoutWarnings();
    return text(c.generatedSourceFile("test.TestDao_Impl").orElseThrow());
  }

  /** The text of one generated method, from its signature to its closing brace. */
  private static String body(String source, String method) {
    int start = source.indexOf(" " + method + "(");
    assertThat(start).isAtLeast(0);
    int end = source.indexOf("\n  }\n", start);
    return source.substring(start, end);
  }

  private static int count(String text, String part) {
    return text.split(part, -1).length - 1;
  }

  private static String text(JavaFileObject f) {
    try {
      return f.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
