package keystone.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static keystone.processor.Compile.compile;
import static keystone.processor.Rules.database;
import static keystone.processor.Rules.entity;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class ForeignKeyRulesTest {
  private static final String CHILD = "@Entity(table = \"items\")";

  private static Compilation withUserAndCategory(JavaFileObject child, String... extra) {
    String entities = "User.class, Category.class, Item.class"
        + (extra.length == 0 ? "" : ", " + String.join(", ", extra));
    return compile(Sources.USER, Sources.CATEGORY, child, database(entities));
  }

  @Test
  void parentNotEntity() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = String.class) long userId;");
    assertThat(withUserAndCategory(child))
        .hadErrorContaining("[Keystone/ForeignKeyParentNotEntity]")
        .inFile(child).onLineContaining("@ForeignKey(entity = String.class)");
  }

  @Test
  void parentNotInDatabase() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = User.class) long userId;");
    Compilation c = compile(Sources.USER, child, database("Item.class"));
    assertThat(c).hadErrorContaining("[Keystone/ForeignKeyParentNotInDatabase]")
        .inFile(child).onLineContaining("@ForeignKey(entity = User.class)");
  }

  @Test
  void childColumnMissingListsAvailable() {
    JavaFileObject child = entity("Item",
        "@Entity(table = \"items\", foreignKeys = @CompositeForeignKey(entity = User.class,"
            + " columns = \"owner\"))",
        "  @PrimaryKey long id;",
        "  long userId;");
    assertThat(withUserAndCategory(child))
        .hadErrorContaining("column owner does not exist in items; columns are: id, user_id")
        .inFile(child).onLineContaining("@CompositeForeignKey");
  }

  @Test
  void parentColumnMissing() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = User.class, column = \"nope\") long userId;");
    assertThat(withUserAndCategory(child))
        .hadErrorContaining("[Keystone/ForeignKeyParentColumnMissing]")
        .inFile(child).onLineContaining("column = \"nope\"");
  }

  @Test
  void unequalColumnLists() {
    JavaFileObject child = entity("Item",
        "@Entity(table = \"items\", foreignKeys = @CompositeForeignKey(entity = User.class,"
            + " columns = {\"user_id\", \"id\"}, parentColumns = \"id\"))",
        "  @PrimaryKey long id;",
        "  long userId;");
    assertThat(withUserAndCategory(child))
        .hadErrorContaining("[Keystone/ForeignKeyColumnCount]")
        .inFile(child).onLineContaining("@CompositeForeignKey");
  }

  @Test
  void parentNeitherKeyNorUnique() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = Category.class, column = \"title\") String categoryTitle;");
    assertThat(withUserAndCategory(child))
        .hadErrorContaining("[Keystone/ForeignKeyParentNotUnique] items.category_title references"
            + " categories(title), which is neither the primary key nor UNIQUE; add"
            + " @Column(unique = true) to Category.title")
        .inFile(child).onLineContaining("@ForeignKey(entity = Category.class");
  }

  @Test
  void uniqueColumnAndUniqueIndexInAnyOrderAreValidParents() {
    JavaFileObject parent = entity("Run",
        "@Entity(primaryKey = \"id\", indices = @Index(columns = {\"term\", \"code\"},"
            + " unique = true))",
        "  long id;",
        "  @NotNull String code;",
        "  @NotNull String term;");
    JavaFileObject child = entity("Item",
        "@Entity(table = \"items\", foreignKeys = @CompositeForeignKey(entity = Run.class,"
            + " columns = {\"code\", \"term\"}, parentColumns = {\"code\", \"term\"}))",
        "  @PrimaryKey long id;",
        "  String code;",
        "  String term;",
        "  @ForeignKey(entity = User.class, column = \"email\") String email;");
    Compilation c = compile(Sources.USER, parent, child, database("User.class, Run.class,"
        + " Item.class"));
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void affinityMismatch() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = User.class) String userId;");
    assertThat(withUserAndCategory(child))
        .hadErrorContaining("[Keystone/ForeignKeyAffinityMismatch]")
        .inFile(child).onLineContaining("@ForeignKey(entity = User.class)");
  }

  @Test
  void setNullOnNotNullColumn() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = User.class, onDelete = SET_NULL) long userId;");
    assertThat(withUserAndCategory(child))
        .hadErrorContaining("[Keystone/ForeignKeySetNullNotNull]")
        .inFile(child).onLineContaining("onDelete = SET_NULL");
  }

  @Test
  void setNullOnNullableColumnIsFine() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = User.class, onDelete = SET_NULL, onUpdate = CASCADE) Long userId;");
    assertThat(withUserAndCategory(child)).succeededWithoutWarnings();
  }

  @Test
  void setDefaultWithoutDefault() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = User.class, onUpdate = SET_DEFAULT) Long userId;");
    assertThat(withUserAndCategory(child))
        .hadErrorContaining("[Keystone/ForeignKeySetDefaultNoDefault]")
        .inFile(child).onLineContaining("onUpdate = SET_DEFAULT");
  }

  @Test
  void singleColumnKeyToCompositeParent() {
    JavaFileObject parent = entity("Run", "@Entity(primaryKey = {\"code\", \"term\"})",
        "  String code;",
        "  String term;");
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = Run.class) String runCode;");
    Compilation c = compile(parent, child, database("Run.class, Item.class"));
    assertThat(c).hadErrorContaining("[Keystone/ForeignKeyParentCompositeKey]")
        .inFile(child).onLineContaining("@ForeignKey(entity = Run.class)");
  }

  @Test
  void duplicateConstraintName() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = User.class, name = \"fk_x\") long userId;",
        "  @ForeignKey(entity = Category.class, name = \"fk_x\") String slug;");
    assertThat(withUserAndCategory(child))
        .hadErrorContaining("[Keystone/DuplicateName] constraint name fk_x")
        .inFile(child).onLineContaining("@ForeignKey(entity = Category.class");
  }

  @Test
  void constraintNameLongerThanPostgresAllows() {
    String longName = "fk_" + "x".repeat(61);
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = User.class, name = \"" + longName + "\") long userId;");
    assertThat(withUserAndCategory(child))
        .hadErrorContaining("[Keystone/NameTooLong] constraint name " + longName + " is 64 bytes")
        .inFile(child).onLineContaining("@ForeignKey(entity = User.class");
  }

  @Test
  void constraintNameOfExactly63BytesIsAccepted() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = User.class, name = \"fk_" + "x".repeat(60) + "\") long userId;");
    assertThat(withUserAndCategory(child)).succeeded();
  }

  @Test
  void keyWithoutIndexWarns() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = User.class, index = false) long userId;");
    Compilation c = withUserAndCategory(child);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[Keystone/ForeignKeyNoIndex]")
        .inFile(child).onLineContaining("index = false");
    assertThat(c).hadWarningContaining("will scan items");
  }

  @Test
  void keyWithoutOwnIndexButCoveredByDeclaredIndexIsQuiet() {
    JavaFileObject child = entity("Item",
        "@Entity(table = \"items\", indices = @Index(columns = {\"user_id\", \"id\"}))",
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = User.class, index = false) long userId;");
    assertThat(withUserAndCategory(child)).succeededWithoutWarnings();
  }

  @Test
  void restrictOnDeferredKeyWarns() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = User.class, onDelete = RESTRICT, deferred = true) long userId;");
    assertThat(withUserAndCategory(child))
        .hadWarningContaining("[Keystone/RestrictDeferred]")
        .inFile(child).onLineContaining("deferred = true");
  }

  @Test
  void selfReferenceAndCyclesAreLegal() {
    JavaFileObject a = entity("Node", "@Entity",
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = Node.class, onDelete = CASCADE) Long parentId;",
        "  @ForeignKey(entity = Edge.class, onDelete = SET_NULL) Long firstEdge;");
    JavaFileObject b = entity("Edge", "@Entity",
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = Node.class) long nodeId;");
    assertThat(compile(a, b, database("Node.class, Edge.class"))).succeededWithoutWarnings();
  }

  @Test
  void emptyChildColumnList() {
    JavaFileObject child = entity("Item",
        "@Entity(table = \"items\", foreignKeys = @CompositeForeignKey(entity = User.class,"
            + " columns = {}))",
        "  @PrimaryKey long id;");
    assertThat(withUserAndCategory(child))
        .hadErrorContaining("[Keystone/ForeignKeyColumnCount] foreign key fk_items_ has 0 child")
        .inFile(child).onLineContaining("columns = {}");
  }

  @Test
  void compositeParentColumnsNeitherKeyNorUniqueSuggestsUniqueIndex() {
    JavaFileObject parent = entity("Run", "@Entity(primaryKey = \"id\")",
        "  long id;",
        "  @NotNull String code;",
        "  @NotNull String term;");
    JavaFileObject child = entity("Item",
        "@Entity(table = \"items\", foreignKeys = @CompositeForeignKey(entity = Run.class,\n"
            + "    columns = {\"code\", \"term\"},\n"
            + "    parentColumns = {\"code\", \"term\"}))",
        "  @PrimaryKey long id;",
        "  String code;",
        "  String term;");
    Compilation c = compile(parent, child, database("Run.class, Item.class"));
    assertThat(c).hadErrorContaining("items.code, term references run(code, term), which is"
            + " neither the primary key nor UNIQUE; add @Index(columns = {\"code\", \"term\"},"
            + " unique = true) to Run")
        .inFile(child).onLineContaining("parentColumns = {");
  }

  @Test
  void compositeAffinityMismatch() {
    JavaFileObject parent = entity("Run", "@Entity(primaryKey = {\"code\", \"term\"})",
        "  String code;",
        "  int term;");
    JavaFileObject child = entity("Item",
        "@Entity(table = \"items\", foreignKeys = @CompositeForeignKey(entity = Run.class,\n"
            + "    columns = {\"run_code\", \"run_term\"}))",
        "  @PrimaryKey long id;",
        "  String runCode;",
        "  String runTerm;");
    Compilation c = compile(parent, child, database("Run.class, Item.class"));
    assertThat(c).hadErrorContaining("[Keystone/ForeignKeyAffinityMismatch] foreign key"
            + " fk_items_run_code_run_term: items.run_term is stored as TEXT (TEXT on PostgreSQL,"
            + " Java java.lang.String) but the parent column run.term is stored as INTEGER"
            + " (INTEGER on PostgreSQL, Java int)")
        .inFile(child).onLineContaining("columns = {\"run_code\"");
  }

  @Test
  void setNullOnUpdateOnNotNullReference() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @NotNull",
        "  @ForeignKey(entity = Category.class, onUpdate = SET_NULL) String category;");
    assertThat(withUserAndCategory(child))
        .hadErrorContaining("[Keystone/ForeignKeySetNullNotNull] foreign key fk_items_category:"
            + " ON UPDATE SET NULL on NOT NULL column items.category")
        .inFile(child).onLineContaining("onUpdate = SET_NULL");
  }

  @Test
  void setDefaultOnNotNullColumnDefaultingToNull() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @Column(defaultValue = \"NULL\")",
        "  @ForeignKey(entity = User.class, onDelete = SET_DEFAULT) long userId;");
    assertThat(withUserAndCategory(child))
        .hadErrorContaining("[Keystone/ColumnNotNullDefaultNull] items.user_id is NOT NULL")
        .inFile(child).onLineContaining("@Column(defaultValue = \"NULL\")");
  }

  @Test
  void setDefaultWithDefaultIsFine() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @Column(defaultValue = \"0\")",
        "  @ForeignKey(entity = User.class, onDelete = SET_DEFAULT) long userId;");
    assertThat(withUserAndCategory(child)).succeededWithoutWarnings();
  }

  @Test
  void duplicateIndexNameAcrossTables() {
    JavaFileObject child = entity("Item",
        "@Entity(table = \"items\", indices = @Index(name = \"idx_shared\", columns = \"code\"))",
        "  @PrimaryKey long id;",
        "  String code;");
    JavaFileObject other = entity("Other",
        "@Entity(indices = @Index(name = \"idx_shared\", columns = \"code\"))",
        "  @PrimaryKey long id;",
        "  String code;");
    Compilation c = compile(child, other, database("Item.class, Other.class"));
    assertThat(c).hadErrorContaining("[Keystone/DuplicateName] index name idx_shared is used twice")
        .inFile(other).onLineContaining("idx_shared");
  }

  @Test
  void duplicateTableIsReportedOnTheTableAttribute() {
    JavaFileObject child = entity("Item", "@Entity(table = \"users\")",
        "  @PrimaryKey long id;");
    assertThat(withUserAndCategory(child))
        .hadErrorContaining("[Keystone/DuplicateTable] table users is mapped by both User and Item")
        .inFile(child).onLineContaining("@Entity(table = \"users\")");
  }

  @Test
  void restrictOnDeferredRecordComponentPointsAtDeferred() {
    JavaFileObject child = Sources.of("test.Hold",
        "package test;",
        "import static keystone.ForeignKey.Action.RESTRICT;",
        "import keystone.*;",
        "@Entity",
        "public record Hold(",
        "    @PrimaryKey long id,",
        "    @ForeignKey(entity = User.class, onDelete = RESTRICT,",
        "        deferred = true) long userId) {}");
    Compilation c = compile(Sources.USER, child, database("User.class, Hold.class"));
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[Keystone/RestrictDeferred] foreign key fk_hold_user_id:"
            + " ON DELETE RESTRICT is checked the moment the parent key changes")
        .inFile(child).onLineContaining("deferred = true");
    assertThat(c).hadWarningContaining("use NO_ACTION if the check should wait for the commit");
    assertThat(c).hadWarningCount(1);
  }

  @Test
  void restrictOnDeferredCompositeKeyPointsAtDeferred() {
    JavaFileObject child = entity("Item",
        "@Entity(table = \"items\", foreignKeys = @CompositeForeignKey(entity = User.class,\n"
            + "    columns = \"user_id\", onUpdate = RESTRICT,\n"
            + "    deferred = true))",
        "  @PrimaryKey long id;",
        "  long userId;");
    assertThat(withUserAndCategory(child))
        .hadWarningContaining("[Keystone/RestrictDeferred] foreign key fk_items_user_id: ON UPDATE"
            + " RESTRICT")
        .inFile(child).onLineContaining("deferred = true");
  }

  @Test
  void noActionOnDeferredKeyIsQuiet() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = User.class, deferred = true) long userId;");
    assertThat(withUserAndCategory(child)).succeededWithoutWarnings();
  }

  @Test
  void keyThatIsAPrefixOfThePrimaryKeyNeedsNoIndex() {
    JavaFileObject child = entity("Item", "@Entity(table = \"items\", primaryKey = {\"user_id\","
            + " \"line\"})",
        "  @ForeignKey(entity = User.class) long userId;",
        "  int line;");
    JavaFileObject quiet = entity("Other", "@Entity(primaryKey = {\"user_id\", \"line\"})",
        "  @ForeignKey(entity = User.class, index = false) long userId;",
        "  int line;");
    Compilation c = compile(Sources.USER, child, quiet,
        database("User.class, Item.class, Other.class"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.Db_Impl").contentsAsUtf8String()
        .doesNotContain("CREATE INDEX");
  }

  @Test
  void compositeIndexCoversItsFirstColumnOnly() {
    JavaFileObject child = entity("Item",
        "@Entity(table = \"items\", indices = @Index(columns = {\"user_id\", \"category\"}))",
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = User.class, index = false) long userId;",
        "  @ForeignKey(entity = Category.class, index = false) String category;");
    Compilation c = withUserAndCategory(child);
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(1);
    assertThat(c).hadWarningContaining("[Keystone/ForeignKeyNoIndex] foreign key"
            + " fk_items_category leaves items(category) without an index; every delete or key"
            + " update on categories will scan items")
        .inFile(child).onLineContaining("@ForeignKey(entity = Category.class, index = false)");
  }

  /** What samples/pom.xml relies on: with -Werror a Keystone warning fails the build. */
  @Test
  void warningsFailTheBuildUnderWerror() {
    JavaFileObject child = entity("Item", CHILD,
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = User.class, index = false) long userId;");
    Compilation c = com.google.testing.compile.Compiler.javac()
        .withProcessors(new KeystoneProcessor())
        .withOptions("-Werror")
        .compile(Sources.USER, Sources.CATEGORY, child,
            database("User.class, Category.class, Item.class"));
    assertThat(c).failed();
    assertThat(c).hadWarningContaining("[Keystone/ForeignKeyNoIndex]");
  }
}
