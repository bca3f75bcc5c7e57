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
  void duplicateTable() {
    JavaFileObject child = entity("Item", "@Entity(table = \"users\")",
        "  @PrimaryKey long id;");
    assertThat(withUserAndCategory(child))
        .hadErrorContaining("[Keystone/DuplicateTable]");
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
}
