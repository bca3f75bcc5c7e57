package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static keystone.processor.Compile.compile;
import static keystone.processor.Rules.database;
import static keystone.processor.Rules.entity;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import keystone.engine.sqlite.schema.SchemaShapes;
import keystone.engine.schema.TableShape;
import keystone.engine.schema.TableShape.ColumnShape;
import keystone.engine.schema.TableShape.IndexShape;
import keystone.engine.KeystoneException;
import keystone.engine.spi.Schema;
import keystone.engine.sqlite.SqliteConnection;
import keystone.engine.sqlite.jdbc.SqliteJdbcDriver;
import org.junit.jupiter.api.Test;

/**
 * {@code @Column(sqliteType, nullableKey)} and {@code @Index(constraint)}: a schema made
 * elsewhere, described exactly, and the rules that keep them from changing stored values.
 */
class DeclaredTypesRulesTest {
  private static Compilation alone(JavaFileObject e) {
    return compile(e, database("Item.class"));
  }

  @Test
  void aD1ShapedTableIsDescribedAsSqliteReadsIt() {
    JavaFileObject e = entity("Item",
        "@Entity(table = \"items\", indices = @Index(name = \"ux_items_shop_sku\","
            + " columns = {\"shop\", \"sku\"}, unique = true, constraint = true))",
        "  @PrimaryKey @Column(nullableKey = true) @NotNull public String id;",
        "  @Column(sqliteType = \"NUMERIC\") public double price;",
        "  @Column(sqliteType = \"DECIMAL(10, 2)\") public Long cents;",
        "  @Column(sqliteType = \"DATE\") public java.time.LocalDate day;",
        "  @Column(sqliteType = \"BOOLEAN\") public boolean active;",
        "  public String shop;",
        "  public String sku;");
    Compilation c = alone(e);
    CompilationSubject.assertThat(c).succeededWithoutWarnings();
    Schema schema = GeneratedSchema.of(c, "test.Db_Impl");
    assertThat(String.join("\n", schema.statements())).contains("UNIQUE (shop, sku)");
    assertThat(String.join("\n", schema.statements())).doesNotContain("CREATE UNIQUE INDEX");
    TableShape items = compiled(schema).get("items");
    assertThat(items.columns()).containsAtLeast(
        new ColumnShape("id", "TEXT", false, null, 1),
        new ColumnShape("price", "NUMERIC", true, null, 0),
        new ColumnShape("cents", "NUMERIC", false, null, 0),
        new ColumnShape("day", "NUMERIC", false, null, 0),
        new ColumnShape("active", "NUMERIC", true, null, 0));
    // The automatic index of a UNIQUE constraint, keyed by its columns as the engine reads it.
    assertThat(items.indexes()).containsEntry("(shop, sku)",
        new IndexShape(null, List.of("shop", "sku"), true));
    assertThat(items.indexes()).doesNotContainKey("ux_items_shop_sku");
  }

  /** The schema's tables as the engine reads a file's: through SQLite's pragmas. */
  private static Map<String, TableShape> compiled(Schema schema) {
    try (SqliteConnection scratch = SqliteConnection.open(new SqliteJdbcDriver(), null, false,
        (error, statement) -> new KeystoneException(error.getMessage()))) {
      return SchemaShapes.compiled(schema, scratch);
    }
  }

  @Test
  void aCompositeUniqueConstraintIsAParentKey() {
    JavaFileObject parent = entity("Item",
        "@Entity(indices = @Index(columns = {\"shop\", \"sku\"}, unique = true,"
            + " constraint = true))",
        "  @PrimaryKey long id;", "  @NotNull String shop;", "  @NotNull String sku;");
    JavaFileObject child = entity("Line",
        "@Entity(foreignKeys = @CompositeForeignKey(entity = Item.class,"
            + " columns = {\"shop\", \"sku\"}, parentColumns = {\"shop\", \"sku\"}))",
        "  @PrimaryKey long id;", "  String shop;", "  String sku;");
    Compilation c = compile(parent, child, database("Item.class", "Line.class"));
    CompilationSubject.assertThat(c).succeededWithoutWarnings();
    Map<String, TableShape> shapes =
        compiled(GeneratedSchema.of(c, "test.Db_Impl"));
    assertThat(shapes.get("line").foreignKeys()).hasSize(1);
  }

  @Test
  void constraintNeedsUnique() {
    JavaFileObject e = entity("Item",
        "@Entity(indices = @Index(columns = {\"a\", \"b\"}, constraint = true))",
        "  @PrimaryKey long id;", "  String a;", "  String b;");
    CompilationSubject.assertThat(alone(e))
        .hadErrorContaining("[Keystone/IndexConstraintNotUnique] @Index(constraint = true) on"
            + " item (a, b)")
        .inFile(e).onLineContaining("@Entity");
  }

  @Test
  void sqliteTypeMustBeATypeName() {
    JavaFileObject e = entity("Item", "@Entity",
        "  @PrimaryKey long id;",
        "  @Column(sqliteType = \"INTEGER NOT NULL\") long qty;");
    CompilationSubject.assertThat(alone(e))
        .hadErrorContaining("[Keystone/ColumnSqliteTypeInvalid] sqliteType \"INTEGER NOT NULL\"")
        .inFile(e).onLineContaining("sqliteType");
  }

  @Test
  void sqliteTypeMayNotChangeStoredIntegers() {
    JavaFileObject e = entity("Item", "@Entity",
        "  @PrimaryKey long id;",
        "  @Column(sqliteType = \"VARCHAR(10)\") long qty;");
    CompilationSubject.assertThat(alone(e))
        .hadErrorContaining("[Keystone/ColumnSqliteTypeAffinity] sqliteType \"VARCHAR(10)\" of"
            + " item.qty has TEXT affinity, which would change the INTEGER values")
        .inFile(e).onLineContaining("sqliteType");
  }

  @Test
  void sqliteTypeMayNotTurnDecimalTextIntoNumbers() {
    JavaFileObject e = entity("Item", "@Entity",
        "  @PrimaryKey long id;",
        "  @Column(sqliteType = \"DECIMAL(10, 2)\") java.math.BigDecimal price;");
    CompilationSubject.assertThat(alone(e))
        .hadErrorContaining("[Keystone/ColumnSqliteTypeAffinity]")
        .inFile(e).onLineContaining("sqliteType");
  }

  @Test
  void textOnANumberAffinityIsAWarning() {
    JavaFileObject e = entity("Item", "@Entity",
        "  @PrimaryKey long id;",
        "  @Column(sqliteType = \"DATETIME\") String created;");
    Compilation c = alone(e);
    CompilationSubject.assertThat(c).succeeded();
    CompilationSubject.assertThat(c)
        .hadWarningContaining("[Keystone/ColumnSqliteTypeConvertsText] sqliteType \"DATETIME\""
            + " of item.created has NUMERIC affinity")
        .inFile(e).onLineContaining("sqliteType");
  }

  @Test
  void nullableKeyOnlyOnAKey() {
    JavaFileObject e = entity("Item", "@Entity",
        "  @PrimaryKey long id;",
        "  @Column(nullableKey = true) String code;");
    CompilationSubject.assertThat(alone(e))
        .hadErrorContaining("[Keystone/NullableKeyNotKey]")
        .inFile(e).onLineContaining("nullableKey");
  }

  @Test
  void nullableKeyNotOnTheRowidAlias() {
    JavaFileObject e = entity("Item", "@Entity",
        "  @PrimaryKey @Column(nullableKey = true) long id;");
    CompilationSubject.assertThat(alone(e))
        .hadErrorContaining("[Keystone/NullableKeyRowid]")
        .inFile(e).onLineContaining("nullableKey");
  }

  @Test
  void nullableKeyOnACompositeKeyColumn() {
    JavaFileObject e = entity("Item",
        "@Entity(table = \"items\", primaryKey = {\"shop\", \"sku\"})",
        "  @Column(nullableKey = true) String shop;", "  String sku;");
    Compilation c = alone(e);
    CompilationSubject.assertThat(c).succeededWithoutWarnings();
    TableShape items =
        compiled(GeneratedSchema.of(c, "test.Db_Impl")).get("items");
    assertThat(items.columns()).containsExactly(
        new ColumnShape("shop", "TEXT", false, null, 1),
        new ColumnShape("sku", "TEXT", true, null, 2)).inOrder();
  }

  @Test
  void postgresTypeKeepsASerialKeyAndAPrecision() {
    JavaFileObject e = entity("Item", "@Entity(table = \"items\")",
        "  @PrimaryKey(autoGenerate = true) @Column(postgresType = \"integer\") long id;",
        "  @Column(postgresType = \"numeric(10, 2)\") java.math.BigDecimal price;",
        "  @Column(postgresType = \"varchar(80)\") String name;",
        "  int qty;");
    Compilation c = alone(e);
    CompilationSubject.assertThat(c).succeededWithoutWarnings();
    Schema schema = GeneratedSchema.of(c, "test.Db_Impl");
    String ddl = String.join("\n", schema.postgresStatements());
    assertThat(ddl).contains("id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
    assertThat(ddl).contains("price numeric(10, 2)");
    assertThat(ddl).contains("name varchar(80)");
    assertThat(ddl).contains("qty INTEGER NOT NULL");
    // SQLite's DDL is the Java type's own.
    assertThat(String.join("\n", schema.statements())).contains("price TEXT COLLATE decimal");
  }

  @Test
  void postgresTypeMustHoldTheValues() {
    JavaFileObject e = entity("Item", "@Entity",
        "  @PrimaryKey long id;",
        "  @Column(postgresType = \"integer\") String code;");
    CompilationSubject.assertThat(alone(e))
        .hadErrorContaining("[Keystone/ColumnPostgresType] postgresType \"integer\" of item.code"
            + " cannot hold the TEXT values of java.lang.String exactly; use text or varchar(n)")
        .inFile(e).onLineContaining("postgresType");
  }

  @Test
  void postgresTimeTypesKeepMicroseconds() {
    JavaFileObject e = entity("Item", "@Entity",
        "  @PrimaryKey long id;",
        "  @Column(postgresType = \"timestamptz(3)\") java.time.Instant at;");
    CompilationSubject.assertThat(alone(e))
        .hadErrorContaining("[Keystone/ColumnPostgresType]")
        .inFile(e).onLineContaining("postgresType");
  }
}
