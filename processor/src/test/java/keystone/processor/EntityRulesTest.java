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
    Compilation c = compile(Sources.USER, database("String.class"));
    assertThat(c).hadErrorContaining("[Keystone/DatabaseEntityNotEntity]");
  }
}
