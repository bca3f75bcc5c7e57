package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static keystone.processor.Compile.compile;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** {@code @DatabaseView}: each rule on its element, and what a view adds to the schema. */
class ViewRulesTest {
  private static JavaFileObject view(String annotation, String body) {
    return Sources.of("test.UserCount",
        "package test;",
        "import keystone.*;",
        annotation,
        "public record UserCount(" + body + ") {}");
  }

  private static final JavaFileObject COUNTS = view(
      "@DatabaseView(\"SELECT u.email AS email, count(o.id) AS orders FROM users u"
          + " LEFT JOIN orders o ON o.user_id = u.id GROUP BY u.id, u.email\")",
      "@NotNull String email, long orders");

  private static JavaFileObject db(String views, String... dao) {
    return Sources.of("test.Db",
        "package test;",
        "@keystone.Database(entities = {User.class, Order.class, Category.class},",
        "    views = {" + views + "})",
        "public interface Db extends keystone.engine.KeystoneDatabase {",
        dao.length == 0 ? "" : "  TestDao dao();",
        "}");
  }

  private static Compilation with(JavaFileObject view, JavaFileObject db, JavaFileObject... more) {
    JavaFileObject[] all = new JavaFileObject[5 + more.length];
    all[0] = Sources.USER;
    all[1] = Sources.ORDER;
    all[2] = Sources.CATEGORY;
    all[3] = view;
    all[4] = db;
    System.arraycopy(more, 0, all, 5, more.length);
    return compile(all);
  }

  @Test
  void viewIsPartOfTheSchemaAndQueryable() {
    JavaFileObject dao = Rules.dao(
        "  @Query(\"SELECT * FROM user_count WHERE orders > :min ORDER BY email\")",
        "  List<UserCount> busy(long min);");
    Compilation c = with(COUNTS, db("UserCount.class", "dao"), dao);
    assertThat(c).succeededWithoutWarnings();
    String impl = source(c, "test/Db_Impl.java");
    assertThat(impl).contains("\"CREATE VIEW user_count AS SELECT u.email AS email");
    assertThat(impl).contains("new TableInfo(\"user_count\", List.of(\"email\", \"orders\")");
  }

  @Test
  void aViewIsNamedAsTheDatabaseNamesItsTables() throws IOException {
    JavaFileObject database = Sources.of("test.Db",
        "package test;",
        "@keystone.Database(entities = {User.class, Order.class, Category.class},",
        "    views = {UserCount.class}, naming = keystone.Naming.AS_DECLARED)",
        "public interface Db extends keystone.engine.KeystoneDatabase {}");
    // Under AS_DECLARED the columns are named as declared too: orders.userId.
    JavaFileObject v = view("@DatabaseView(\"SELECT o.userId AS userId, count(*) AS orders FROM"
        + " orders o GROUP BY o.userId\")", "long userId, long orders");
    Compilation c = with(v, database);
    assertThat(c).succeeded();
    assertThat(source(c, "test/Db_Impl.java")).contains("\"CREATE VIEW UserCount AS SELECT");
  }

  @Test
  void queryOverAViewIsCheckedAgainstItsColumns() {
    JavaFileObject dao = Rules.dao(
        "  @Query(\"SELECT nope FROM user_count\") List<String> nope();");
    assertThat(with(COUNTS, db("UserCount.class", "dao"), dao))
        .hadErrorContaining("no such column: nope").inFile(dao).onLineContaining("nope");
  }

  @Test
  void listedTypeMustBeAView() {
    JavaFileObject database = db("User.class");
    assertThat(with(COUNTS, database))
        .hadErrorContaining("[Keystone/DatabaseViewNotView] test.User is listed in"
            + " @Database(views)")
        .inFile(database).onLineContaining("views = {User.class}");
  }

  @Test
  void viewSqlMustPrepare() {
    JavaFileObject bad = view("@DatabaseView(\"SELECT email FROM nobody\")", "String email");
    assertThat(with(bad, db("UserCount.class")))
        .hadErrorContaining("[Keystone/ViewInvalidSql] @DatabaseView UserCount does not prepare")
        .inFile(bad).onLineContaining("nobody");
    assertThat(with(bad, db("UserCount.class"))).hadErrorContaining("no such table: main.nobody");
  }

  @Test
  void viewMustBeASelect() {
    JavaFileObject bad = view("@DatabaseView(\"DELETE FROM users\")", "String email");
    assertThat(with(bad, db("UserCount.class")))
        .hadErrorContaining("[Keystone/ViewNotSelect]").inFile(bad).onLineContaining("DELETE");
  }

  @Test
  void viewNameMustNotBeATable() {
    JavaFileObject bad = view(
        "@DatabaseView(viewName = \"orders\", value = \"SELECT email FROM users\")",
        "String email");
    assertThat(with(bad, db("UserCount.class")))
        .hadErrorContaining("[Keystone/ViewNameTaken] view name orders is already taken by table"
            + " of Order")
        .inFile(bad).onLineContaining("viewName");
  }

  @Test
  void viewTypeMustMatchItsColumns() {
    JavaFileObject bad = view("@DatabaseView(\"SELECT email FROM users\")",
        "String email, long orders");
    assertThat(with(bad, db("UserCount.class")))
        .hadErrorContaining("[Keystone/QueryResultMissingColumn] UserCount.orders is NOT NULL")
        .inFile(bad).onLineContaining("@DatabaseView");
  }

  @Test
  void exportListsTheViewAndMarksItInTheDiagram() {
    Compilation c = with(COUNTS, db("UserCount.class"));
    assertThat(c).succeeded();
    String dir = "keystone/schemas/test.Db/";
    assertThat(resource(c, dir + "1.json")).contains("\"views\": [");
    assertThat(resource(c, dir + "1.json")).contains("\"reads\": [\"orders\", \"users\"]");
    assertThat(resource(c, dir + "1.sql")).contains("CREATE VIEW user_count AS SELECT");
    assertThat(resource(c, dir + "1.postgres.sql")).contains("CREATE VIEW user_count AS SELECT");
    String md = resource(c, dir + "1.md");
    assertThat(md).contains("  user_count {\n    VIEW email\n    VIEW orders\n  }");
    assertThat(md).contains("users }o..o{ user_count : \"read by view\"");
  }

  @Test
  void aPostgresVariantIsExportedForPostgresOnly() {
    JavaFileObject v = view("@DatabaseView(value = \"SELECT group_concat(email, ',') AS emails"
        + " FROM users\", postgres = \"SELECT string_agg(email, ',') AS emails FROM users\")",
        "String emails");
    Compilation c = with(v, db("UserCount.class"));
    assertThat(c).succeeded();
    String dir = "keystone/schemas/test.Db/";
    assertThat(resource(c, dir + "1.sql")).contains("AS SELECT group_concat(email, ',')");
    assertThat(resource(c, dir + "1.postgres.sql")).contains("AS SELECT string_agg(email, ',')");
    JavaFileObject bad = view("@DatabaseView(value = \"SELECT email FROM users\","
        + " postgres = \"SET session_replication_role = replica\")", "String email");
    assertThat(with(bad, db("UserCount.class"))).hadErrorContaining("[Keystone/ViewNotSelect]")
        .inFile(bad).onLineContaining("session_replication_role");
  }

  @Test
  void aViewChangesTheIdentityHashAndNoViewKeepsIt() {
    String without = resource(compile(Sources.USER, Sources.ORDER, Sources.CATEGORY,
        Rules.databaseWith("User.class, Order.class, Category.class", "version = 1")),
        "keystone/schemas/test.Db/1.json");
    String with = resource(with(COUNTS, db("UserCount.class")), "keystone/schemas/test.Db/1.json");
    assertThat(hash(with)).isNotEqualTo(hash(without));
    assertThat(without).doesNotContain("\"views\"");
  }

  private static String hash(String json) {
    int at = json.indexOf("\"identityHash\": \"") + 17;
    return json.substring(at, at + 64);
  }

  private static String source(Compilation c, String path) {
    try {
      return c.generatedFile(StandardLocation.SOURCE_OUTPUT, path).orElseThrow()
          .getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(Compilation c, String path) {
    try {
      return c.generatedFile(StandardLocation.CLASS_OUTPUT, path).orElseThrow()
          .getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
