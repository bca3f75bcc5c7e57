package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static keystone.processor.AutoMigrationTest.ORDER_V1;
import static keystone.processor.AutoMigrationTest.ORDER_V2;
import static keystone.processor.AutoMigrationTest.TAG_V1;
import static keystone.processor.AutoMigrationTest.USER_V1;
import static keystone.processor.AutoMigrationTest.db;
import static keystone.processor.AutoMigrationTest.migrationsOf;
import static keystone.processor.AutoMigrationTest.postgresMigrationsOf;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POSTGRES_MIGRATIONS}: the same comparison as SQLite's {@code MIGRATIONS}, made in place
 * by PostgreSQL's ALTER TABLE. Version 1 is compiled for real into a schema folder, then version
 * 2 against it; {@link PostgresAutoMigrationRunTest} runs such migrations on a real server.
 */
class PostgresAutoMigrationTest {
  @TempDir Path dir;

  private Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new KeystoneProcessor())
        .withOptions("-Akeystone.schemaLocation=" + dir)
        .compile(AutoMigrationTest.withAnnotation(sources));
  }

  /** Version 1 of {@code test.Db} from these entities, then version 2 from the others. */
  private Compilation migrate(JavaFileObject[] one, JavaFileObject[] two, String... spec) {
    JavaFileObject[] first = Arrays.copyOf(one, one.length + 1);
    first[one.length] = db(classes(one), 1, "");
    assertThat(compile(first)).succeeded();
    JavaFileObject[] second = Arrays.copyOf(two, two.length + 1);
    second[two.length] = db(classes(two), 2,
        "@AutoMigration(from = 1, to = 2" + (spec.length > 0 ? ", spec = Db.Spec.class" : "")
            + ")", spec);
    return compile(second);
  }

  private static String classes(JavaFileObject[] entities) {
    StringBuilder out = new StringBuilder();
    for (JavaFileObject e : entities) {
      String name = e.getName();
      out.append(out.length() == 0 ? "" : ", ")
          .append(name, name.lastIndexOf('/') + 1, name.length() - ".java".length())
          .append(".class");
    }
    return out.toString();
  }

  private static JavaFileObject[] of(JavaFileObject... sources) {
    return sources;
  }

  private static JavaFileObject tag(String... body) {
    String[] lines = new String[body.length + 3];
    lines[0] = "package test;";
    lines[1] = "import keystone.*;";
    lines[2] = "@Entity(table = \"tags\")";
    System.arraycopy(body, 0, lines, 3, body.length);
    return Sources.of("test.Tag", lines);
  }

  @Test
  void addedColumnsCarryTheirDefaultAndNotNull() {
    JavaFileObject tag = tag("public record Tag(@PrimaryKey long id, String name,",
        "    @Column(defaultValue = \"0\") int visits, @Column(defaultValue = \"1\") boolean on,",
        "    @Column(unique = true) @Check(\"length(code) = 3\") String code) {}");
    Compilation c = migrate(of(USER_V1, ORDER_V1, TAG_V1), of(USER_V1, ORDER_V1, tag));
    assertThat(c).succeededWithoutWarnings();
    String pg = postgresMigrationsOf(c);
    assertThat(pg).contains("SchemaStep.sql(\"ALTER TABLE tags ADD COLUMN visits INTEGER NOT NULL"
        + " DEFAULT 0\")");
    // SQLite's 1 becomes PostgreSQL's TRUE; UNIQUE and CHECK go in with the column.
    assertThat(pg).contains("ADD COLUMN \\\"on\\\" BOOLEAN NOT NULL DEFAULT TRUE\")");
    assertThat(pg).contains("ADD COLUMN code TEXT UNIQUE CHECK (length(code) = 3)\")");
    assertThat(pg).doesNotContain("rebuild");
    assertThat(migrationsOf(c)).contains("SchemaStep.rebuild(\"tags\"");
  }

  @Test
  void addedValueTypeColumnsAreNativeOnPostgres() {
    JavaFileObject tag = tag("public record Tag(@PrimaryKey long id, String name,",
        "    java.time.Instant seenAt, java.util.UUID ref, java.math.BigDecimal weight,",
        "    java.time.LocalDate day, java.time.Duration took) {}");
    Compilation c = migrate(of(USER_V1, ORDER_V1, TAG_V1), of(USER_V1, ORDER_V1, tag));
    assertThat(c).succeededWithoutWarnings();
    String pg = postgresMigrationsOf(c);
    assertThat(pg).contains("ALTER TABLE tags ADD COLUMN seen_at TIMESTAMPTZ\")");
    assertThat(pg).contains("ALTER TABLE tags ADD COLUMN ref UUID\")");
    assertThat(pg).contains("ALTER TABLE tags ADD COLUMN weight NUMERIC\")");
    assertThat(pg).contains("ALTER TABLE tags ADD COLUMN day DATE\")");
    assertThat(pg).contains("ALTER TABLE tags ADD COLUMN took INTERVAL\")");
    assertThat(migrationsOf(c)).contains("ALTER TABLE tags ADD COLUMN weight TEXT COLLATE decimal");
  }

  @Test
  void aPostgresDefaultIsSetAndDroppedOnPostgresOnly() {
    JavaFileObject before = tag("public record Tag(@PrimaryKey long id, String name,",
        "    @Column(defaultValue = \"'-'\") String note, java.time.Instant seenAt) {}");
    JavaFileObject after = tag("public record Tag(@PrimaryKey long id,",
        "    @Column(postgresDefault = \"'?'::text\") String name,",
        "    String note, @Column(postgresDefault = \"now()\") java.time.Instant seenAt,",
        "    @Column(postgresDefault = \"now()\") java.time.Instant madeAt) {}");
    Compilation c = migrate(of(USER_V1, ORDER_V1, before), of(USER_V1, ORDER_V1, after));
    assertThat(c).succeededWithoutWarnings();
    String pg = postgresMigrationsOf(c);
    assertThat(pg).contains("// - changes column tags.name (default '?'::text)\n");
    assertThat(pg).contains("// - changes column tags.seen_at (default now())\n");
    assertThat(pg).contains("// - changes column tags.note (no default)\n");
    assertThat(pg).contains("ALTER TABLE tags ALTER COLUMN seen_at SET DEFAULT now()");
    assertThat(pg).contains("ALTER TABLE tags ADD COLUMN made_at TIMESTAMPTZ DEFAULT now()");
    // SQLite sees only defaultValue: the note's goes (a rebuild there), the others have none.
    String sqlite = migrationsOf(c);
    assertThat(sqlite).doesNotContain("now()");
    assertThat(sqlite).contains("+ \"  seen_at INTEGER,\\n\"\n");
  }

  /** Version 1's postgresDefault is read back from its export: dropped when version 2 has none. */
  @Test
  void aPostgresDefaultReadFromTheExportIsDropped() {
    JavaFileObject before = tag("public record Tag(@PrimaryKey long id, String name,",
        "    @Column(postgresDefault = \"now()\") java.time.Instant seenAt) {}");
    JavaFileObject after = tag("public record Tag(@PrimaryKey long id, String name,",
        "    java.time.Instant seenAt) {}");
    Compilation c = migrate(of(USER_V1, ORDER_V1, before), of(USER_V1, ORDER_V1, after));
    assertThat(c).succeededWithoutWarnings();
    assertThat(postgresMigrationsOf(c))
        .contains("SchemaStep.sql(\"ALTER TABLE tags ALTER COLUMN seen_at DROP DEFAULT\")");
  }

  @Test
  void typeNullabilityAndDefaultChangeInPlace() {
    JavaFileObject before = tag("public record Tag(@PrimaryKey long id, String name,",
        "    @Column(defaultValue = \"1\") int weight, int flag, String note) {}");
    JavaFileObject after = tag("public record Tag(@PrimaryKey long id, @NotNull String name,",
        "    @Column(defaultValue = \"2\") long weight, boolean flag,",
        "    @Column(defaultValue = \"'-'\") String note) {}");
    Compilation c = migrate(of(USER_V1, ORDER_V1, before), of(USER_V1, ORDER_V1, after));
    assertThat(c).succeededWithoutWarnings();
    String pg = postgresMigrationsOf(c);
    assertThat(pg).contains("// - changes column tags.name (NOT NULL)\n");
    assertThat(pg).contains(
        "// - changes column tags.weight (type INTEGER -> BIGINT, default 2)\n");
    assertThat(pg).contains("// - changes column tags.flag (type INTEGER -> BOOLEAN)\n");
    assertThat(pg).contains("// - changes column tags.note (default '-')\n");
    assertThat(pg).contains(String.join(",\n          ",
        "SchemaStep.sql(\"ALTER TABLE tags ALTER COLUMN name SET NOT NULL\")",
        "SchemaStep.sql(\"ALTER TABLE tags ALTER COLUMN weight DROP DEFAULT\")",
        "SchemaStep.sql(\"ALTER TABLE tags ALTER COLUMN weight TYPE BIGINT USING weight::BIGINT\")",
        "SchemaStep.sql(\"ALTER TABLE tags ALTER COLUMN weight SET DEFAULT 2\")",
        "SchemaStep.sql(\"ALTER TABLE tags ALTER COLUMN flag TYPE BOOLEAN USING flag <> 0\")",
        "SchemaStep.sql(\"ALTER TABLE tags ALTER COLUMN note SET DEFAULT '-'\")"));
  }

  /** {@code int} to {@code long} is no change to SQLite, whose affinity stays INTEGER. */
  @Test
  void aChangeOnlyPostgresSeesIsPlannedForItAlone() {
    JavaFileObject wide = tag("public record Tag(@PrimaryKey long id, String name, long n) {}");
    JavaFileObject narrow = tag("public record Tag(@PrimaryKey long id, String name, int n) {}");
    Compilation c = migrate(of(USER_V1, ORDER_V1, narrow), of(USER_V1, ORDER_V1, wide));
    assertThat(c).succeededWithoutWarnings();
    assertThat(migrationsOf(c)).contains("Migration.of(1, 2, db -> { })");
    assertThat(postgresMigrationsOf(c)).contains(
        "SchemaStep.sql(\"ALTER TABLE tags ALTER COLUMN n TYPE BIGINT USING n::BIGINT\")");
  }

  @Test
  void unchangedSchemaIsEmptyOnBothEngines() {
    Compilation c = migrate(of(USER_V1, ORDER_V1, TAG_V1), of(USER_V1, ORDER_V1, TAG_V1));
    assertThat(c).succeededWithoutWarnings();
    assertThat(postgresMigrationsOf(c)).contains("// - the schema is unchanged (identity hash ");
    assertThat(postgresMigrationsOf(c)).contains("Migration.of(1, 2, db -> { })");
  }

  @Test
  void changedOnDeleteDropsTheKeyAndAddsItNotValid() {
    JavaFileObject restrict = Sources.of("test.Order",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"orders\")",
        "public record Order(@PrimaryKey(autoGenerate = true) long id,",
        "    @ForeignKey(entity = User.class, onDelete = ForeignKey.Action.RESTRICT) long userId,",
        "    @Column(defaultValue = \"'new'\") @NotNull String status) {}");
    Compilation c = migrate(of(USER_V1, ORDER_V2, TAG_V1), of(USER_V1, restrict, TAG_V1));
    assertThat(c).succeededWithoutWarnings();
    String pg = postgresMigrationsOf(c);
    assertThat(pg).contains("// - changes foreign key orders.fk_orders_user_id"
        + " (ON DELETE CASCADE -> RESTRICT)\n");
    assertThat(pg).contains("SchemaStep.sql(\"ALTER TABLE orders DROP CONSTRAINT"
        + " fk_orders_user_id\"),\n          SchemaStep.addForeignKey(\"orders\","
        + " \"fk_orders_user_id\",\n              \"CREATE TABLE orders (\\n\"");
    assertThat(pg).contains("REFERENCES users (id) ON DELETE RESTRICT ON UPDATE NO ACTION"
        + " DEFERRABLE INITIALLY IMMEDIATE\\n\"\n                  + \")\")));");
    // The index is the same, so it stays.
    assertThat(pg).doesNotContain("INDEX");
  }

  @Test
  void droppedKeyAndItsIndexGo() {
    Compilation c = migrate(of(USER_V1, ORDER_V2, TAG_V1), of(USER_V1, ORDER_V1, TAG_V1));
    assertThat(c).succeededWithoutWarnings();
    String pg = postgresMigrationsOf(c);
    assertThat(pg).contains(String.join(",\n          ",
        "SchemaStep.sql(\"ALTER TABLE orders DROP CONSTRAINT fk_orders_user_id\")",
        "SchemaStep.sql(\"DROP INDEX idx_orders_user_id\")"));
    assertThat(pg).contains("// - drops foreign key orders.fk_orders_user_id\n");
    assertThat(pg).contains("// - drops index idx_orders_user_id\n");
  }

  @Test
  void uniqueAndCheckChangesUseTheNamesPostgresGaveThem() {
    JavaFileObject before = tag("public record Tag(@PrimaryKey long id,",
        "    @Column(unique = true) String code, String name, @Check(\"weight > 0\") int weight)"
            + " {}");
    JavaFileObject after = Sources.of("test.Tag",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"tags\", checks = \"weight < 100\")",
        "public record Tag(@PrimaryKey long id, String code, @Column(unique = true) String name,",
        "    @Check(\"weight >= 0\") int weight) {}");
    Compilation c = migrate(of(USER_V1, ORDER_V1, before), of(USER_V1, ORDER_V1, after));
    assertThat(c).succeededWithoutWarnings();
    assertThat(postgresMigrationsOf(c)).contains(String.join(",\n          ",
        "SchemaStep.sql(\"ALTER TABLE tags DROP CONSTRAINT tags_code_key\")",
        "SchemaStep.sql(\"ALTER TABLE tags DROP CONSTRAINT tags_weight_check\")",
        "SchemaStep.sql(\"ALTER TABLE tags ADD UNIQUE (name)\")",
        "SchemaStep.sql(\"ALTER TABLE tags ADD CHECK (weight >= 0)\")",
        "SchemaStep.sql(\"ALTER TABLE tags ADD CHECK (weight < 100)\")"));
  }

  @Test
  void renamedTablesKeepTheirKeysAndRenameTheirImplicitNames() {
    JavaFileObject before = Sources.of("test.User",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"users\")",
        "public record User(@PrimaryKey(autoGenerate = true) long id,",
        "    @NotNull @Column(unique = true) String mail, @Check(\"length(nick) > 3\") String nick)"
            + " {}");
    JavaFileObject after = Sources.of("test.User",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"accounts\")",
        "public record User(@PrimaryKey(autoGenerate = true) long id,",
        "    @NotNull @Column(unique = true) String email,",
        "    @Check(\"length(nick) > 3\") String nick) {}");
    Compilation c = migrate(of(before, ORDER_V2, TAG_V1), of(after, ORDER_V2, TAG_V1),
        "  @RenameTable(from = \"users\", to = \"accounts\")",
        "  @RenameColumn(table = \"users\", from = \"mail\", to = \"email\")");
    assertThat(c).succeededWithoutWarnings();
    String pg = postgresMigrationsOf(c);
    assertThat(pg).contains(String.join(",\n          ",
        "SchemaStep.sql(\"ALTER TABLE users RENAME TO accounts\")",
        "SchemaStep.sql(\"ALTER TABLE accounts RENAME COLUMN mail TO email\")",
        "SchemaStep.sql(\"ALTER TABLE accounts RENAME CONSTRAINT users_pkey TO accounts_pkey\")",
        "SchemaStep.sql(\"ALTER TABLE accounts RENAME CONSTRAINT users_mail_key TO"
            + " accounts_email_key\")",
        "SchemaStep.sql(\"ALTER TABLE accounts RENAME CONSTRAINT users_nick_check TO"
            + " accounts_nick_check\")"));
    // orders.user_id keeps its key: PostgreSQL follows the parent through its rename.
    assertThat(pg).doesNotContain("fk_orders_user_id");
    assertThat(migrationsOf(c)).contains("rebuilds orders (changes its foreign keys)");
  }

  @Test
  void newTablesInACycleGetTheClosingKeyByAlterTable() {
    JavaFileObject team = Sources.of("test.Team",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"teams\")",
        "public record Team(@PrimaryKey long id,",
        "    @ForeignKey(entity = Player.class, deferred = true) Long captainId) {}");
    JavaFileObject player = Sources.of("test.Player",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"players\")",
        "public record Player(@PrimaryKey long id,",
        "    @ForeignKey(entity = Team.class) Long teamId) {}");
    Compilation c = migrate(of(USER_V1, ORDER_V1, TAG_V1),
        of(USER_V1, ORDER_V1, TAG_V1, team, player));
    assertThat(c).succeededWithoutWarnings();
    String pg = postgresMigrationsOf(c);
    int alter = pg.indexOf("SchemaStep.sql(\"ALTER TABLE");
    assertThat(alter).isGreaterThan(pg.lastIndexOf("CREATE TABLE"));
    assertThat(pg.substring(alter)).contains("ADD CONSTRAINT");
    assertThat(pg).doesNotContain("addForeignKey");
  }

  @Test
  void aColumnAddedBeforeOthersCannotBeAddedOnPostgres() {
    JavaFileObject tag = tag("public record Tag(@PrimaryKey long id, String first, String name)"
        + " {}");
    Compilation c = migrate(of(USER_V1, ORDER_V1, TAG_V1), of(USER_V1, ORDER_V1, tag));
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[Keystone/AutoMigrationPostgresRebuild]"
        + " @AutoMigration(from = 1, to = 2) tags on PostgreSQL: it changes the order of its"
        + " columns");
    assertThat(postgresMigrationsOf(c)).contains("SchemaStep.rebuild(\"tags\"");
    assertThat(postgresMigrationsOf(c)).contains("which the engine does not do on PostgreSQL");
  }

  /** An export from before PostgreSQL types were recorded: only SQLite's affinity is known. */
  @Test
  void exportsWithoutPostgresTypesCompareAffinities() throws IOException {
    JavaFileObject before = tag("public record Tag(@PrimaryKey long id, int n, int code) {}");
    JavaFileObject after = tag("public record Tag(@PrimaryKey long id, int n, String code) {}");
    assertThat(compile(USER_V1, ORDER_V1, before, db("User.class, Order.class, Tag.class", 1,
        ""))).succeeded();
    Path json = dir.resolve("test.Db/1.json");
    Files.writeString(json, Files.readString(json).replaceAll("\\s*\"postgresType\": \"\\w+\",",
        ""));
    Compilation c = compile(USER_V1, ORDER_V1, after,
        db("User.class, Order.class, Tag.class", 2, "@AutoMigration(from = 1, to = 2)"));
    assertThat(c).succeededWithoutWarnings();
    String pg = postgresMigrationsOf(c);
    assertThat(pg).contains("ALTER COLUMN code TYPE TEXT USING code::TEXT");
    assertThat(pg).doesNotContain("COLUMN n ");
  }
}
