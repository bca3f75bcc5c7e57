package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static keystone.processor.Compile.compile;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Relation} and {@code @Embedded} rules, each pinned to the attribute it is about, and
 * what the writers generate for relations, observers and the tables a write changes.
 */
class RelationRulesTest {
  private static final JavaFileObject TAG = Sources.of("test.Tag",
      "package test;",
      "import keystone.*;",
      "@Entity(table = \"tags\")",
      "public record Tag(@PrimaryKey(autoGenerate = true) long id, String name) {}");

  private static final JavaFileObject USER_TAG = Sources.of("test.UserTag",
      "package test;",
      "import keystone.*;",
      "import static keystone.ForeignKey.Action.CASCADE;",
      "@Entity(table = \"user_tags\", primaryKey = {\"user_id\", \"tag_id\"})",
      "public record UserTag(",
      "    @ForeignKey(entity = User.class, onDelete = CASCADE) long userId,",
      "    @ForeignKey(entity = Tag.class, onDelete = CASCADE) long tagId) {}");

  /** A junction that references users but not tags. */
  private static final JavaFileObject LOOSE_TAG = Sources.of("test.LooseTag",
      "package test;",
      "import keystone.*;",
      "@Entity(table = \"loose_tags\", primaryKey = {\"user_id\", \"tag_id\"})",
      "public record LooseTag(@ForeignKey(entity = User.class) long userId, long tagId) {}");

  /** A small int key that meets orders.user_id, a long: both INTEGER. */
  private static final JavaFileObject SMALL_USER = Sources.of("test.SmallUser",
      "package test;",
      "public record SmallUser(int id, String email) {}");

  private static final JavaFileObject DB = Sources.of("test.Db",
      "package test;",
      "@keystone.Database(entities = {User.class, Order.class, Category.class, Tag.class,",
      "    UserTag.class, LooseTag.class})",
      "public interface Db extends keystone.engine.KeystoneDatabase {",
      "  TestDao dao();",
      "}");

  /** A result type {@code test.Result} with the given components, one per line. */
  private static JavaFileObject result(String... components) {
    String[] lines = new String[components.length + 6];
    lines[0] = "package test;";
    lines[1] = "import java.util.*;";
    lines[2] = "import keystone.*;";
    lines[3] = "public record Result(";
    lines[4] = "    @Embedded User user" + (components.length == 0 ? "" : ",");
    for (int i = 0; i < components.length; i++) {
      lines[5 + i] = "    " + components[i] + (i + 1 < components.length ? "," : "");
    }
    lines[lines.length - 1] = ") {}";
    return Sources.of("test.Result", lines);
  }

  private static final JavaFileObject RESULT_DAO =
      Rules.dao("  @Query(\"SELECT * FROM users\") List<Result> all();");

  private static Compilation with(JavaFileObject... more) {
    JavaFileObject[] all = new JavaFileObject[more.length + 8];
    all[0] = Sources.USER;
    all[1] = Sources.ORDER;
    all[2] = Sources.CATEGORY;
    all[3] = Sources.SUMMARY;
    all[4] = TAG;
    all[5] = USER_TAG;
    all[6] = LOOSE_TAG;
    all[7] = DB;
    System.arraycopy(more, 0, all, 8, more.length);
    return compile(all);
  }

  private static Compilation withResult(JavaFileObject result) {
    return with(result, SMALL_USER, RESULT_DAO);
  }

  @Test
  void parentColumnMissingListsTheColumns() {
    JavaFileObject r = result(
        "@Relation(parentColumn = \"nope\", entityColumn = \"user_id\") List<Order> orders");
    assertThat(withResult(r)).hadErrorContaining("[Keystone/RelationParentColumnMissing]"
            + " @Relation Result.orders: parentColumn nope is not a column of the parent row;"
            + " columns are: id, email, status, age")
        .inFile(r).onLineContaining("parentColumn = \"nope\"");
  }

  @Test
  void entityColumnMissingListsTheColumns() {
    JavaFileObject r = result(
        "@Relation(parentColumn = \"id\", entityColumn = \"owner_id\") List<Order> orders");
    assertThat(withResult(r)).hadErrorContaining("[Keystone/RelationEntityColumnMissing]"
            + " @Relation Result.orders: entityColumn owner_id does not exist in orders;"
            + " columns are: id, user_id, total, paid, receipt")
        .inFile(r).onLineContaining("owner_id");
  }

  @Test
  void affinityMismatch() {
    JavaFileObject r = result(
        "@Relation(parentColumn = \"email\", entityColumn = \"user_id\") List<Order> orders");
    assertThat(withResult(r)).hadErrorContaining("[Keystone/RelationAffinityMismatch]"
            + " @Relation Result.orders: users.email is TEXT but orders.user_id is INTEGER")
        .inFile(r).onLineContaining("parentColumn = \"email\"");
  }

  @Test
  void intAndLongKeysShareAnAffinity() {
    JavaFileObject r = Sources.of("test.Result",
        "package test;",
        "import java.util.*;",
        "import keystone.*;",
        "public record Result(",
        "    @Embedded SmallUser user,",
        "    @Relation(parentColumn = \"id\", entityColumn = \"user_id\") Set<Order> orders,",
        "    @Relation(parentColumn = \"id\", entityColumn = \"user_id\") Order first) {}");
    Compilation c = withResult(r);
    assertThat(c).succeededWithoutWarnings();
    // Keys are compared as Long whatever the Java type, so 1 (int) meets 1L (long).
    assertThat(text(c, "test.TestDao_Impl")).contains("Map<Long, List<Order>>");
  }

  @Test
  void junctionWithoutAForeignKeyToTheEntity() {
    JavaFileObject fixed = Sources.of("test.Result",
        "package test;",
        "import java.util.*;",
        "import keystone.*;",
        "public record Result(",
        "    @Embedded User user,",
        "    @Relation(parentColumn = \"id\", entityColumn = \"id\", associateBy ="
            + " @Junction(value = LooseTag.class, parentColumn = \"user_id\","
            + " entityColumn = \"tag_id\")) List<Tag> tags) {}");
    assertThat(withResult(fixed)).hadErrorContaining("[Keystone/RelationJunctionNoForeignKey]"
            + " @Relation Result.tags: junction loose_tags has no foreign key from"
            + " loose_tags.tag_id to tags(id)")
        .inFile(fixed).onLineContaining("LooseTag.class");
  }

  @Test
  void junctionReferencingBothSidesLoadsInOneQuery() {
    JavaFileObject r = Sources.of("test.Result",
        "package test;",
        "import java.util.*;",
        "import keystone.*;",
        "public record Result(",
        "    @Embedded User user,",
        "    @Relation(parentColumn = \"id\", entityColumn = \"id\", associateBy ="
            + " @Junction(value = UserTag.class, parentColumn = \"user_id\","
            + " entityColumn = \"tag_id\")) List<Tag> tags) {}");
    Compilation c = withResult(r);
    assertThat(c).succeededWithoutWarnings();
    String impl = text(c, "test.TestDao_Impl");
    assertThat(impl).contains("SELECT r.id, r.name, j.user_id FROM tags AS r JOIN user_tags AS j"
        + " ON j.tag_id = r.id WHERE j.user_id IN (");
    assertThat(impl).contains("CallScope scope = engine.beginSnapshot();");
    assertThat(impl).contains("KEYS_PER_QUERY = 900");
  }

  @Test
  void fieldTypeThatCannotHoldRows() {
    JavaFileObject r = result(
        "@Relation(parentColumn = \"id\", entityColumn = \"user_id\") List<String> orders");
    assertThat(withResult(r)).hadErrorContaining("[Keystone/RelationFieldType]"
            + " @Relation Result.orders has type java.util.List<java.lang.String>")
        .inFile(r).onLineContaining("List<String> orders");
  }

  @Test
  void elementThatIsNoEntityAndEmbedsNone() {
    JavaFileObject r = result(
        "@Relation(parentColumn = \"id\", entityColumn = \"id\") List<OrderSummary> orders");
    assertThat(withResult(r)).hadErrorContaining("[Keystone/RelationEntityUnknown]")
        .inFile(r).onLineContaining("List<OrderSummary>");
  }

  @Test
  void namedEntityOutsideTheDatabase() {
    JavaFileObject other = Sources.of("test.Other",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"others\")",
        "public record Other(@PrimaryKey long id, long userId) {}");
    JavaFileObject r = result("@Relation(parentColumn = \"id\", entityColumn = \"user_id\","
        + " entity = Other.class) List<OrderSummary> others");
    assertThat(with(r, other, SMALL_USER, RESULT_DAO))
        .hadErrorContaining("[Keystone/RelationEntityNotInDatabase] @Relation Result.others:"
            + " Other is not an entity of database Db")
        .inFile(r).onLineContaining("Other.class");
  }

  @Test
  void relationInsideAnEmbeddedTypeIsRefused() {
    JavaFileObject inner = Sources.of("test.Inner",
        "package test;",
        "import java.util.*;",
        "import keystone.*;",
        "public record Inner(long id,",
        "    @Relation(parentColumn = \"id\", entityColumn = \"user_id\") List<Order> orders) {}");
    JavaFileObject r = Sources.of("test.Result",
        "package test;",
        "import keystone.*;",
        "public record Result(@Embedded Inner inner) {}");
    assertThat(with(r, inner, SMALL_USER, RESULT_DAO))
        .hadErrorContaining("[Keystone/RelationNotAllowed] @Relation Inner.orders is not loaded:"
            + " it is inside an @Embedded type")
        .inFile(inner).onLineContaining("@Relation");
  }

  @Test
  void aTypeThatNestsItselfIsRefused() {
    JavaFileObject r = Sources.of("test.Result",
        "package test;",
        "import java.util.*;",
        "import keystone.*;",
        "public record Result(@Embedded User user,",
        "    @Relation(parentColumn = \"id\", entityColumn = \"id\") List<Result> same) {}");
    assertThat(withResult(r)).hadErrorContaining("[Keystone/RelationNotAllowed] @Relation"
            + " Result.same is not loaded: Result holds itself again")
        .inFile(r).onLineContaining("List<Result> same");
  }

  @Test
  void embeddedScalarIsRefused() {
    JavaFileObject r = result("@Embedded String note");
    assertThat(withResult(r)).hadErrorContaining("[Keystone/EmbeddedType] @Embedded Result.note")
        .inFile(r).onLineContaining("String note");
  }

  @Test
  void embeddedPrefixReadsPrefixedColumns() {
    JavaFileObject r = Sources.of("test.Result",
        "package test;",
        "import keystone.*;",
        "public record Result(long id, @Embedded(prefix = \"u_\") User buyer) {}");
    JavaFileObject dao = Rules.dao("  @Query(\"SELECT o.id, u.id AS u_id, u.email AS u_email,"
        + " u.status AS u_status, u.age AS u_age FROM orders o JOIN users u ON u.id = o.user_id\")"
        + " List<Result> all();");
    Compilation c = with(r, SMALL_USER, dao);
    assertThat(c).succeededWithoutWarnings();
    assertThat(text(c, "test.TestDao_Impl")).contains("User buyer = new User(");
  }

  @Test
  void publisherOfAWriteIsRefused() {
    JavaFileObject dao = Rules.dao(
        "  @Query(\"DELETE FROM users\") java.util.concurrent.Flow.Publisher<Integer> gone();");
    assertThat(with(SMALL_USER, dao)).hadErrorContaining("[Keystone/QueryReturnType]")
        .inFile(dao).onLineContaining("DELETE FROM users");
  }

  @Test
  void publishersRerunTheQueryOverTheTablesItReads() {
    JavaFileObject dao = Rules.dao(
        "  @Query(\"SELECT * FROM users WHERE id = :id\")",
        "  java.util.concurrent.Flow.Publisher<Optional<User>> user(long id);",
        "  @Query(\"SELECT o.* FROM orders o JOIN users u ON u.id = o.user_id\")",
        "  java.util.concurrent.Flow.Publisher<List<Order>> orders();",
        "  @Query(\"SELECT count(*) FROM categories\")",
        "  java.util.concurrent.Flow.Publisher<Long> count();");
    Compilation c = with(SMALL_USER, dao);
    assertThat(c).succeededWithoutWarnings();
    String impl = text(c, "test.TestDao_Impl");
    assertThat(impl)
        .contains("return FlowPublisher.of(engine.observe(readsUser, () -> userNow(id)));");
    assertThat(impl).contains("private Optional<User> userNow(long id) {");
    assertThat(impl).contains("READS_USER = {\"users\"};");
    assertThat(impl).contains("READS_ORDERS = {\"orders\", \"users\"};");
    assertThat(impl).contains("READS_COUNT = {\"categories\"};");
    assertThat(impl).contains("this.readsUser = engine.tableIndexes(READS_USER);");
  }

  /**
   * users(0) -> orders ON DELETE CASCADE; user_tags CASCADE from users and tags; loose_tags
   * NO ACTION: a write names its own table and what its actions reach, never a blocked table.
   */
  @Test
  void writesNameEveryTableTheirActionsReach() {
    JavaFileObject dao = Rules.dao(
        "  @Delete void delete(User u);",
        "  @Insert void insert(User u);",
        "  @Insert(onConflict = OnConflict.REPLACE) void replace(Tag t);",
        "  @Upsert void save(Tag t);",
        "  @Query(\"DELETE FROM users WHERE id = :id\") int deleteUser(long id);",
        "  @Query(\"UPDATE categories SET title = :t\") int retitle(String t);");
    Compilation c = with(SMALL_USER, dao);
    assertThat(c).succeeded();
    String impl = text(c, "test.TestDao_Impl");
    assertThat(impl).contains("CHANGES_DELETE = {\"orders\", \"user_tags\", \"users\"};");
    assertThat(impl).contains(
        "CHANGES_DELETE_USER = {\"orders\", \"user_tags\", \"users\"};");
    assertThat(impl).contains("CHANGES_INSERT = {\"users\"};");
    assertThat(impl).contains("CHANGES_REPLACE = {\"tags\", \"user_tags\"};");
    assertThat(impl).contains("CHANGES_SAVE = {\"tags\"};");
    assertThat(impl).contains("CHANGES_RETITLE = {\"categories\"};");
    assertThat(impl).contains("CallScope scope = engine.beginStatement(changesDelete, true);");
  }

  private static String text(Compilation c, String type) {
    try {
      return c.generatedSourceFile(type).orElseThrow().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
