package keystone.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static keystone.processor.Compile.compile;
import static keystone.processor.Rules.database;
import static keystone.processor.Rules.entity;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class EntityRulesTest {
  private static Compilation alone(JavaFileObject e) {
    return compile(e, database("Item.class"));
  }

  @Test
  void noPrimaryKey() {
    JavaFileObject e = entity("Item", "@Entity", "  long id;");
    assertThat(alone(e)).hadErrorContaining("[Keystone/EntityNoPrimaryKey]")
        .inFile(e).onLineContaining("@Entity");
  }

  @Test
  void twoPrimaryKeyDeclarations() {
    JavaFileObject e = entity("Item", "@Entity(primaryKey = {\"id\", \"code\"})",
        "  @PrimaryKey long id;", "  String code;");
    assertThat(alone(e)).hadErrorContaining("[Keystone/EntityTwoPrimaryKeys]")
        .inFile(e).onLineContaining("@Entity");
  }

  @Test
  void compositeKeyFromEntity() {
    JavaFileObject e = entity("Item", "@Entity(primaryKey = {\"id\", \"code\"})",
        "  long id;", "  String code;");
    assertThat(alone(e)).succeededWithoutWarnings();
  }

  @Test
  void autoGenerateNeedsLong() {
    JavaFileObject e = entity("Item", "@Entity", "  @PrimaryKey(autoGenerate = true) int id;");
    assertThat(alone(e)).hadErrorContaining("[Keystone/AutoGenerateNotLong]")
        .inFile(e).onLineContaining("int id;");
  }

  @Test
  void unsupportedFieldType() {
    JavaFileObject e = entity("Item", "@Entity",
        "  @PrimaryKey long id;", "  java.util.Date created;");
    assertThat(alone(e)).hadErrorContaining("[Keystone/ColumnTypeUnsupported]")
        .inFile(e).onLineContaining("java.util.Date created;");
  }

  @Test
  void notNullColumnDefaultingToNull() {
    JavaFileObject e = entity("Item", "@Entity",
        "  @PrimaryKey long id;", "  @Column(defaultValue = \"NULL\") int qty;");
    assertThat(alone(e)).hadErrorContaining("[Keystone/ColumnNotNullDefaultNull]")
        .inFile(e).onLineContaining("@Column(defaultValue");
  }

  @Test
  void privateFieldWithoutAccessors() {
    JavaFileObject e = entity("Item", "@Entity",
        "  @PrimaryKey long id;", "  private String name;");
    assertThat(alone(e)).hadErrorContaining("[Keystone/ColumnNoAccessor]")
        .inFile(e).onLineContaining("private String name;");
  }

  @Test
  void entityOnInterfaceIsAnErrorNotACrash() {
    JavaFileObject e = Sources.of("test.Item",
        "package test;",
        "@keystone.Entity",
        "public interface Item {}");
    Compilation c = compile(e);
    assertThat(c).hadErrorContaining("[Keystone/EntityNotClass]")
        .inFile(e).onLineContaining("@keystone.Entity");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void invalidCheckExpressionIsRejectedBySqlite() {
    JavaFileObject e = entity("Item", "@Entity(checks = \"qty >>> 0\")",
        "  @PrimaryKey long id;", "  int qty;");
    assertThat(alone(e)).hadErrorContaining("[Keystone/SchemaInvalid]")
        .inFile(e).onLineContaining("@Entity");
  }

  @Test
  void notListedInDatabase() {
    JavaFileObject db = database("String.class");
    Compilation c = compile(Sources.USER, db);
    assertThat(c).hadErrorContaining("[Keystone/DatabaseEntityNotEntity]")
        .inFile(db).onLineContaining("String.class");
  }

  @Test
  void ignoreOnRecordComponent() {
    JavaFileObject e = Sources.of("test.Item",
        "package test;",
        "import keystone.*;",
        "@Entity",
        "public record Item(",
        "    @PrimaryKey long id,",
        "    @Ignore String draft) {}");
    assertThat(alone(e)).hadErrorContaining("[Keystone/IgnoreOnRecordComponent] @Ignore cannot"
            + " leave out record component draft of Item")
        .inFile(e).onLineContaining("@Ignore String draft");
  }

  @Test
  void ignoredFieldWithKeyAnnotation() {
    JavaFileObject e = entity("Item", "@Entity",
        "  @PrimaryKey long id;",
        "  @Ignore @Column(name = \"x\") String draft;");
    assertThat(alone(e)).hadErrorContaining("[Keystone/IgnoredColumnAnnotation] field draft is"
            + " @Ignore but carries @Column")
        .inFile(e).onLineContaining("@Ignore @Column");
  }

  @Test
  void beanPropertyThatCannotBeWritten() {
    JavaFileObject e = entity("Item", "@Entity",
        "  @PrimaryKey public long id;",
        "  private String name;",
        "  public String getName() { return name; }");
    assertThat(alone(e)).hadErrorContaining("[Keystone/ColumnNoAccessor] field name is private"
            + " and has no setter")
        .inFile(e).onLineContaining("private String name;");
  }

  @Test
  void recordComponentDiagnosticsHaveAPosition() {
    JavaFileObject e = Sources.of("test.Item",
        "package test;",
        "import keystone.*;",
        "@Entity",
        "public record Item(",
        "    @PrimaryKey(autoGenerate = true) int id,",
        "    @Column(defaultValue = \"NULL\") int qty) {}");
    Compilation c = alone(e);
    assertThat(c).hadErrorContaining("[Keystone/AutoGenerateNotLong]")
        .inFile(e).onLineContaining("int id");
    assertThat(c).hadErrorContaining("[Keystone/ColumnNotNullDefaultNull]")
        .inFile(e).onLineContaining("int qty");
  }
}
