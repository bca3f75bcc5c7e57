package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @AutoMigration}: version 1 is compiled for real into a schema folder, then version 2
 * is compiled against it; the generated {@code MIGRATIONS} constant is checked, and each rule
 * has a negative test pinned to its line. Regenerate the golden text with
 * {@code -Dkeystone.golden.update=true}.
 */
class AutoMigrationTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/auto-migration.java");
  private static final Path POSTGRES_GOLDEN =
      Path.of("src/test/resources/golden/auto-migration.postgres.java");

  @TempDir Path dir;

  /**
   * {@code keystone.Database} with {@code autoMigrations}, which the annotations module does not
   * declare yet although {@code @AutoMigration} documents it; given as a source it shadows the
   * jar's, and it stays harmless once the jar has the attribute.
   */
  static final JavaFileObject DATABASE_ANNOTATION = Sources.of("keystone.Database",
      "package keystone;",
      "import java.lang.annotation.*;",
      "@Documented",
      "@Retention(RetentionPolicy.CLASS)",
      "@Target(ElementType.TYPE)",
      "public @interface Database {",
      "  Class<?>[] entities();",
      "  int version() default 1;",
      "  boolean exportSchema() default true;",
      "  AutoMigration[] autoMigrations() default {};",
      "  Naming naming() default Naming.SNAKE_CASE;",
      "}");

  static final JavaFileObject USER_V1 = Sources.of("test.User",
      "package test;",
      "import keystone.*;",
      "@Entity(table = \"users\")",
      "public record User(@PrimaryKey(autoGenerate = true) long id, @NotNull String mail,",
      "    String legacy) {}");
  static final JavaFileObject ORDER_V1 = Sources.of("test.Order",
      "package test;",
      "import keystone.*;",
      "@Entity(table = \"orders\")",
      "public record Order(@PrimaryKey(autoGenerate = true) long id, long userId,",
      "    @Column(defaultValue = \"'new'\") @NotNull String status) {}");
  static final JavaFileObject TAG_V1 = Sources.of("test.Tag",
      "package test;",
      "import keystone.*;",
      "@Entity(table = \"tags\")",
      "public record Tag(@PrimaryKey long id, String name) {}");

  static final JavaFileObject USER_V2 = Sources.of("test.User",
      "package test;",
      "import keystone.*;",
      "@Entity(table = \"users\")",
      "public record User(@PrimaryKey(autoGenerate = true) long id, @NotNull String email,",
      "    String nickname) {}");
  static final JavaFileObject ORDER_V2 = Sources.of("test.Order",
      "package test;",
      "import keystone.*;",
      "@Entity(table = \"orders\")",
      "public record Order(@PrimaryKey(autoGenerate = true) long id,",
      "    @ForeignKey(entity = User.class, onDelete = ForeignKey.Action.CASCADE) long userId,",
      "    @Column(defaultValue = \"'new'\") @NotNull String status) {}");
  static final JavaFileObject LABEL = Sources.of("test.Label",
      "package test;",
      "import keystone.*;",
      "@Entity(table = \"labels\")",
      "public record Label(@PrimaryKey long id, @NotNull String name,",
      "    @ForeignKey(entity = Order.class, onDelete = ForeignKey.Action.CASCADE)",
      "    Long orderId) {}");

  @BeforeEach
  void versionOne() {
    Compilation v1 = compile(USER_V1, ORDER_V1, TAG_V1,
        db("User.class, Order.class, Tag.class", 1, "", ""));
    assertThat(v1).succeeded();
    assertThat(Files.isRegularFile(dir.resolve("test.Db/1.json"))).isTrue();
  }

  private Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new KeystoneProcessor())
        .withOptions("-Akeystone.schemaLocation=" + dir)
        .compile(withAnnotation(sources));
  }

  static JavaFileObject[] withAnnotation(JavaFileObject... sources) {
    JavaFileObject[] all = Arrays.copyOf(sources, sources.length + 1);
    all[sources.length] = DATABASE_ANNOTATION;
    return all;
  }

  /** The database, its {@code autoMigrations} on a line of their own, and spec lines. */
  static JavaFileObject db(String entities, int version, String autoMigrations, String... spec) {
    String[] lines = new String[spec.length + 7];
    lines[0] = "package test;";
    lines[1] = "import keystone.*;";
    lines[2] = "@Database(entities = {" + entities + "}, version = " + version + ",";
    lines[3] = "    autoMigrations = {" + autoMigrations + "})";
    lines[4] = "public interface Db extends keystone.engine.KeystoneDatabase {";
    System.arraycopy(spec, 0, lines, 5, spec.length);
    lines[lines.length - 2] = "  final class Spec {}";
    lines[lines.length - 1] = "}";
    return Sources.of("test.Db", lines);
  }

  static String migrationsOf(Compilation c) {
    return constant(c, "/**\n   * The {@code @AutoMigration}");
  }

  static String postgresMigrationsOf(Compilation c) {
    return constant(c, "/**\n   * The same {@code @AutoMigration}s");
  }

  /** The constant of {@code test.Db_Impl} whose javadoc starts so, javadoc included. */
  private static String constant(Compilation c, String javadoc) {
    try {
      String source = c.generatedSourceFile("test.Db_Impl").orElseThrow()
          .getCharContent(true).toString();
      int start = source.lastIndexOf("\n", source.indexOf(javadoc));
      assertThat(start).isAtLeast(0);
      int end = source.indexOf("\n\n", start + 1);
      return source.substring(start + 1, end + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void goldenMigrationRenamesRebuildsAddsAndDrops() throws IOException {
    Compilation c = compile(USER_V2, ORDER_V2, LABEL,
        db("User.class, Order.class, Label.class", 2,
            "@AutoMigration(from = 1, to = 2, spec = Db.Spec.class)",
            "  @RenameColumn(table = \"users\", from = \"mail\", to = \"email\")",
            "  @DeleteColumn(table = \"users\", column = \"legacy\")",
            "  @DeleteTable(table = \"tags\")"));
    assertThat(c).succeededWithoutWarnings();
    assertGolden(migrationsOf(c), GOLDEN);
    assertGolden(postgresMigrationsOf(c), POSTGRES_GOLDEN);
  }

  private static void assertGolden(String generated, Path golden) throws IOException {
    Golden.check(golden, generated);
  }

  @Test
  void nullableColumnAndIndexAreAddedInPlace() {
    JavaFileObject user = Sources.of("test.User",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"users\", indices = @Index(columns = \"mail\"))",
        "public record User(@PrimaryKey(autoGenerate = true) long id, @NotNull String mail,",
        "    String legacy, @Column(defaultValue = \"0\") int visits, String nickname) {}");
    Compilation c = compile(user, ORDER_V1, TAG_V1,
        db("User.class, Order.class, Tag.class", 2, "@AutoMigration(from = 1, to = 2)"));
    assertThat(c).succeeded();
    String m = migrationsOf(c);
    assertThat(m).contains("SchemaStep.sql(\"ALTER TABLE users ADD COLUMN visits INTEGER NOT NULL"
        + " DEFAULT 0\")");
    assertThat(m).contains("SchemaStep.sql(\"ALTER TABLE users ADD COLUMN nickname TEXT\")");
    assertThat(m).contains("SchemaStep.sql(\"CREATE INDEX idx_users_mail ON users (mail)\")");
    assertThat(m).doesNotContain("rebuild");
  }

  @Test
  void uniqueColumnCannotBeAddedInPlaceSoTheTableIsRebuilt() {
    JavaFileObject tag = Sources.of("test.Tag",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"tags\")",
        "public record Tag(@PrimaryKey long id, String name, @Column(unique = true) String code)"
            + " {}");
    Compilation c = compile(USER_V1, ORDER_V1, tag,
        db("User.class, Order.class, Tag.class", 2, "@AutoMigration(from = 1, to = 2)"));
    assertThat(c).succeeded();
    assertThat(migrationsOf(c)).contains("- rebuilds tags (adds column code (UNIQUE))");
    assertThat(migrationsOf(c)).contains("SchemaStep.rebuild(\"tags\"");
  }

  @Test
  void changedOnDeleteRebuildsTheChild() {
    Compilation v2 = compile(USER_V1, ORDER_V2, TAG_V1,
        db("User.class, Order.class, Tag.class", 2, "@AutoMigration(from = 1, to = 2)"));
    assertThat(v2).succeeded();
    JavaFileObject restrict = Sources.of("test.Order",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"orders\")",
        "public record Order(@PrimaryKey(autoGenerate = true) long id,",
        "    @ForeignKey(entity = User.class, onDelete = ForeignKey.Action.RESTRICT) long userId,",
        "    @Column(defaultValue = \"'new'\") @NotNull String status) {}");
    Compilation v3 = compile(USER_V1, restrict, TAG_V1, db("User.class, Order.class, Tag.class",
        3, "@AutoMigration(from = 1, to = 2), @AutoMigration(from = 2, to = 3)"));
    assertThat(v3).succeeded();
    String m = migrationsOf(v3);
    // 1 -> 2 is planned from the two exports, 2 -> 3 from version 2 and the entities.
    assertThat(m).contains("// 1 -> 2:\n      // - rebuilds orders (changes its foreign keys)");
    assertThat(m).contains("// 2 -> 3:\n      // - rebuilds orders (changes its foreign keys)");
    assertThat(m).contains("ON DELETE RESTRICT");
    assertThat(m).contains("SchemaStep.sql(\"DROP INDEX idx_orders_user_id\")");
  }

  @Test
  void tableRenameIsAnAlterTable() {
    JavaFileObject label = Sources.of("test.Tag",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"labels\")",
        "public record Tag(@PrimaryKey long id, String name) {}");
    Compilation c = compile(USER_V1, ORDER_V1, label,
        db("User.class, Order.class, Tag.class", 2,
            "@AutoMigration(from = 1, to = 2, spec = Db.Spec.class)",
            "  @RenameTable(from = \"tags\", to = \"labels\")"));
    assertThat(c).succeeded();
    assertThat(migrationsOf(c))
        .contains("// 1 -> 2:\n"
            + "      // - renames table tags to labels\n"
            + "      Migration.schema(1, 2,\n"
            + "          SchemaStep.sql(\"ALTER TABLE tags RENAME TO labels\")));");
  }

  @Test
  void unchangedSchemaGivesAnEmptyMigration() {
    Compilation c = compile(USER_V1, ORDER_V1, TAG_V1,
        db("User.class, Order.class, Tag.class", 2, "@AutoMigration(from = 1, to = 2)"));
    assertThat(c).succeeded();
    assertThat(migrationsOf(c)).contains("Migration.of(1, 2, db -> { })");
    assertThat(migrationsOf(c)).contains("the schema is unchanged (identity hash ");
  }

  @Test
  void noMigrationsNoConstant() throws IOException {
    Compilation c = compile(USER_V1, ORDER_V1, TAG_V1,
        db("User.class, Order.class, Tag.class", 2, ""));
    assertThat(c).succeeded();
    assertThat(c.generatedSourceFile("test.Db_Impl").orElseThrow().getCharContent(true)
        .toString()).doesNotContain("MIGRATIONS");
  }

  // Negative tests: one per rule, pinned to the line.

  private void assertError(Compilation c, String key, String line) {
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[Keystone/" + key + "]").inFile(dbSource)
        .onLineContaining(line);
  }

  private JavaFileObject dbSource;

  private Compilation compileDb(
      JavaFileObject user, JavaFileObject order, JavaFileObject tag, int version, String autos,
      String... spec) {
    dbSource = db(tag == null ? "User.class, Order.class" : "User.class, Order.class, Tag.class",
        version, autos, spec);
    return tag == null ? compile(user, order, dbSource) : compile(user, order, tag, dbSource);
  }

  @Test
  void versionsMustAscendToTheDatabaseVersion() {
    Compilation c = compileDb(USER_V1, ORDER_V1, TAG_V1, 2, "@AutoMigration(from = 2, to = 3)");
    assertError(c, "AutoMigrationVersions", "autoMigrations");
    assertThat(c).hadErrorContaining("at most the database's version 2");
  }

  @Test
  void twoMigrationsFromOneVersion() {
    Compilation c = compileDb(USER_V1, ORDER_V1, TAG_V1, 3,
        "@AutoMigration(from = 1, to = 3), @AutoMigration(from = 1, to = 2)");
    assertError(c, "AutoMigrationDuplicate", "autoMigrations");
  }

  @Test
  void withoutSchemaLocation() {
    dbSource = db("User.class, Order.class, Tag.class", 2, "@AutoMigration(from = 1, to = 2)");
    Compilation c = javac().withProcessors(new KeystoneProcessor())
        .compile(withAnnotation(USER_V1, ORDER_V1, TAG_V1, dbSource));
    assertError(c, "AutoMigrationNoSchemaLocation", "autoMigrations");
    assertThat(c).hadErrorContaining("-Akeystone.schemaLocation=${project.basedir}/schemas");
  }

  @Test
  void missingExport() throws IOException {
    Files.delete(dir.resolve("test.Db/1.json"));
    Compilation c = compileDb(USER_V1, ORDER_V1, TAG_V1, 2, "@AutoMigration(from = 1, to = 2)");
    assertError(c, "AutoMigrationSchemaMissing", "autoMigrations");
    assertThat(c).hadErrorContaining("compile version 1 of test.Db");
  }

  @Test
  void unreadableExport() throws IOException {
    Files.writeString(dir.resolve("test.Db/1.json"), "{\"version\": 1, \"tables\": [}");
    Compilation c = compileDb(USER_V1, ORDER_V1, TAG_V1, 2, "@AutoMigration(from = 1, to = 2)");
    assertError(c, "AutoMigrationSchemaUnreadable", "autoMigrations");
  }

  @Test
  void undeclaredTableDisappearance() {
    Compilation c = compileDb(USER_V1, ORDER_V1, null, 2, "@AutoMigration(from = 1, to = 2)");
    assertError(c, "AutoMigrationTableGone", "autoMigrations");
    assertThat(c).hadErrorContaining("@DeleteTable(table = \"tags\")");
  }

  @Test
  void longMillisBecomingAnInstantFailsWithWhatToWrite() {
    JavaFileObject order = Sources.of("test.Order",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"orders\")",
        "public record Order(@PrimaryKey(autoGenerate = true) long id, java.time.Instant userId,",
        "    @Column(defaultValue = \"'new'\") @NotNull String status) {}");
    Compilation c = compileDb(USER_V1, order, TAG_V1, 2, "@AutoMigration(from = 1, to = 2)");
    assertError(c, "AutoMigrationValueTypeChange", "autoMigrations");
    assertThat(c).hadErrorContaining("column orders.user_id changes from INTEGER to INTEGER"
        + " (BIGINT to TIMESTAMPTZ on PostgreSQL)");
    assertThat(c).hadErrorContaining("\"UPDATE orders SET user_id = user_id * 1000\" on SQLite");
    assertThat(c).hadErrorContaining("ALTER TABLE orders ALTER COLUMN user_id TYPE TIMESTAMPTZ"
        + " USING to_timestamp(user_id / 1000.0)");
  }

  @Test
  void undeclaredColumnDisappearance() {
    Compilation c = compileDb(USER_V2, ORDER_V1, TAG_V1, 2, "@AutoMigration(from = 1, to = 2)");
    assertError(c, "AutoMigrationColumnGone", "autoMigrations");
    assertThat(c).hadErrorContaining("column users.mail is gone");
    assertThat(c).hadErrorContaining("column users.legacy is gone");
  }

  @Test
  void notNullColumnWithoutDefault() {
    JavaFileObject tag = Sources.of("test.Tag",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"tags\")",
        "public record Tag(@PrimaryKey long id, String name, int weight) {}");
    Compilation c = compileDb(USER_V1, ORDER_V1, tag, 2, "@AutoMigration(from = 1, to = 2)");
    assertError(c, "AutoMigrationNotNullNoDefault", "autoMigrations");
    assertThat(c).hadErrorContaining("tags.weight");
  }

  @Test
  void declarationOfAnUnknownTable() {
    Compilation c = compileDb(USER_V1, ORDER_V1, TAG_V1, 2,
        "@AutoMigration(from = 1, to = 2, spec = Db.Spec.class)",
        "  @DeleteTable(table = \"nope\")");
    assertError(c, "AutoMigrationUnknownTable", "@DeleteTable");
  }

  @Test
  void renameOfAnUnknownColumn() {
    Compilation c = compileDb(USER_V2, ORDER_V1, TAG_V1, 2,
        "@AutoMigration(from = 1, to = 2, spec = Db.Spec.class)",
        "  @RenameColumn(table = \"users\", from = \"mial\", to = \"email\")",
        "  @DeleteColumn(table = \"users\", column = \"legacy\")");
    assertError(c, "AutoMigrationUnknownColumn", "@RenameColumn");
    assertThat(c).hadErrorContaining("users.mial, which version 1 does not have");
  }

  @Test
  void repeatedDeclarationsAreEachChecked() {
    Compilation c = compileDb(USER_V1, ORDER_V1, TAG_V1, 2,
        "@AutoMigration(from = 1, to = 2, spec = Db.Spec.class)",
        "  @DeleteColumn(table = \"users\", column = \"legacy\")",
        "  @DeleteColumn(table = \"users\", column = \"mail\")");
    assertThat(c).hadErrorContaining("[Keystone/AutoMigrationStaleDeclaration] @DeleteColumn:"
        + " column users.mail is still there").inFile(dbSource)
        // javac synthesizes the @DeleteColumn.List container of repeated annotations and keeps
        // no position for it, so the best spot it can show is the spec class.
        .onLineContaining("final class Spec");
    assertThat(c).hadErrorContaining("column users.legacy is still there");
  }

  @Test
  void deletionOfAColumnStillThere() {
    Compilation c = compileDb(USER_V1, ORDER_V1, TAG_V1, 2,
        "@AutoMigration(from = 1, to = 2, spec = Db.Spec.class)",
        "  @DeleteColumn(table = \"users\", column = \"mail\")");
    assertError(c, "AutoMigrationStaleDeclaration", "@DeleteColumn");
  }
}
