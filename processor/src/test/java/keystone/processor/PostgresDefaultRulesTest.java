package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static keystone.processor.Compile.compile;
import static keystone.processor.Rules.database;
import static keystone.processor.Rules.entity;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import keystone.engine.spi.Schema;
import org.junit.jupiter.api.Test;

/**
 * {@code @Column(postgresDefault)}: PostgreSQL's DDL, export and migrations declare it instead of
 * {@code defaultValue}; SQLite's keep {@code defaultValue}; and the text must be one expression.
 */
class PostgresDefaultRulesTest {
  private static final String DIR = "keystone/schemas/test.Db/";

  private static Compilation alone(JavaFileObject e) {
    return compile(e, database("Event.class"));
  }

  private static JavaFileObject event(String... columns) {
    String[] body = new String[columns.length + 1];
    body[0] = "  @PrimaryKey(autoGenerate = true) long id;";
    System.arraycopy(columns, 0, body, 1, columns.length);
    return entity("Event", "@Entity(table = \"events\")", body);
  }

  static final JavaFileObject EVENT = event(
      "  @Column(postgresDefault = \"now()\") @NotNull java.time.Instant createdAt;",
      "  @Column(defaultValue = \"'-'\", postgresDefault = \"(CURRENT_TIMESTAMP)::text\")",
      "  String stamp;",
      "  @Column(defaultValue = \"1\") boolean on;");

  @Test
  void postgresDeclaresItAndSqliteKeepsDefaultValue() {
    Compilation c = alone(EVENT);
    CompilationSubject.assertThat(c).succeededWithoutWarnings();
    Schema schema = GeneratedSchema.of(c, "test.Db_Impl");
    String pg = String.join("\n", schema.postgresStatements());
    assertThat(pg).contains("created_at TIMESTAMPTZ NOT NULL DEFAULT now(),");
    assertThat(pg).contains("stamp TEXT DEFAULT (CURRENT_TIMESTAMP)::text,");
    // A column without it keeps defaultValue, spelt for PostgreSQL as before.
    assertThat(pg).contains("\"on\" BOOLEAN NOT NULL DEFAULT TRUE");
    String sqlite = String.join("\n", schema.statements());
    assertThat(sqlite).contains("created_at INTEGER NOT NULL,");
    assertThat(sqlite).contains("stamp TEXT DEFAULT '-',");
    assertThat(sqlite).doesNotContain("now()");
  }

  @Test
  void everyExportSaysIt() {
    Compilation c = alone(EVENT);
    CompilationSubject.assertThat(c).succeeded();
    assertThat(file(c, "1.postgres.sql")).contains("created_at TIMESTAMPTZ NOT NULL DEFAULT now()");
    assertThat(file(c, "1.sql")).doesNotContain("now()");
    String json = file(c, "1.json").replaceAll("\n\\s+", "\n");
    assertThat(json).contains("\"default\": null,\n\"postgresDefault\": \"now()\",");
    assertThat(json).contains("\"default\": \"'-'\",\n\"postgresDefault\": "
        + "\"(CURRENT_TIMESTAMP)::text\",");
    // Only where set: other columns' export is as before.
    assertThat(json).containsMatch("\"default\": \"1\",\n\"primaryKeyPosition\"");
    assertThat(file(c, "1.md")).contains("PostgreSQL DEFAULT now()");
  }

  @Test
  void blankIsRefused() {
    JavaFileObject e = event("  @Column(postgresDefault = \"  \") String note;");
    CompilationSubject.assertThat(alone(e))
        .hadErrorContaining("[Keystone/ColumnPostgresDefaultInvalid] postgresDefault \"  \" of"
            + " events.note is not one expression: it is blank")
        .inFile(e).onLineContaining("postgresDefault");
  }

  @Test
  void aSecondStatementIsRefused() {
    JavaFileObject e = event(
        "  @Column(postgresDefault = \"now(); DROP TABLE events\") java.time.Instant at;");
    CompilationSubject.assertThat(alone(e))
        .hadErrorContaining("is not one expression: it holds a ';', which would end the"
            + " statement")
        .inFile(e).onLineContaining("postgresDefault");
  }

  @Test
  void aConstraintAfterTheExpressionIsRefused() {
    JavaFileObject e = event(
        "  @Column(postgresDefault = \"now() NOT NULL\") java.time.Instant at;",
        "  @Column(postgresDefault = \"'x' CHECK (true)\") String code;");
    Compilation c = alone(e);
    CompilationSubject.assertThat(c)
        .hadErrorContaining("NOT NULL after it would be a constraint")
        .inFile(e).onLineContaining("now() NOT NULL");
    CompilationSubject.assertThat(c)
        .hadErrorContaining("CHECK after it would begin a constraint")
        .inFile(e).onLineContaining("CHECK (true)");
  }

  @Test
  void unbalancedQuotesAndParenthesesAreRefused() {
    JavaFileObject e = event("  @Column(postgresDefault = \"(now()\") java.time.Instant at;",
        "  @Column(postgresDefault = \"'it''s\") String code;",
        "  @Column(postgresDefault = \"now())\") java.time.Instant other;",
        "  @Column(postgresDefault = \"now() -- later\") java.time.Instant commented;");
    Compilation c = alone(e);
    CompilationSubject.assertThat(c).hadErrorContaining("a '(' is not closed")
        .inFile(e).onLineContaining("\"(now()\"");
    CompilationSubject.assertThat(c).hadErrorContaining("a quote is not closed")
        .inFile(e).onLineContaining("it''s");
    CompilationSubject.assertThat(c).hadErrorContaining("a ')' closes no '('")
        .inFile(e).onLineContaining("now())");
    CompilationSubject.assertThat(c).hadErrorContaining("it holds a comment")
        .inFile(e).onLineContaining("-- later");
  }

  @Test
  void whatIsQuotedOrInsideAnExpressionIsAccepted() {
    JavaFileObject e = event(
        "  @Column(postgresDefault = \"'a;b -- c'::text\") String code;",
        "  @Column(postgresDefault = \"E'it\\\\'s (' || 'x'\") String quoted;",
        "  @Column(postgresDefault = \"CASE WHEN now() IS NOT NULL THEN 1 ELSE 0 END\") int n;",
        "  @Column(postgresDefault = \"NULL\") String nothing;");
    CompilationSubject.assertThat(alone(e)).succeededWithoutWarnings();
  }

  @Test
  void nullOnANotNullColumnIsRefused() {
    JavaFileObject e = event("  @Column(postgresDefault = \"NULL\") @NotNull String code;");
    CompilationSubject.assertThat(alone(e))
        .hadErrorContaining("[Keystone/ColumnPostgresDefaultNull] events.code is NOT NULL but"
            + " its postgresDefault is NULL")
        .inFile(e).onLineContaining("postgresDefault");
  }

  @Test
  void aGeneratedKeyHasNone() {
    JavaFileObject e = entity("Event", "@Entity(table = \"events\")",
        "  @PrimaryKey(autoGenerate = true) @Column(postgresDefault = \"42\") long id;");
    CompilationSubject.assertThat(alone(e))
        .hadErrorContaining("[Keystone/ColumnPostgresDefaultGeneratedKey] events.id is a"
            + " generated key")
        .inFile(e).onLineContaining("postgresDefault");
  }

  @Test
  void setDefaultStillNeedsDefaultValue() {
    JavaFileObject parent = entity("Shop", "@Entity(table = \"shops\")", "  @PrimaryKey long id;");
    JavaFileObject child = entity("Event", "@Entity(table = \"events\")",
        "  @PrimaryKey long id;",
        "  @Column(postgresDefault = \"1\")",
        "  @ForeignKey(entity = Shop.class, onDelete = SET_DEFAULT) Long shopId;");
    CompilationSubject.assertThat(compile(parent, child, database("Shop.class", "Event.class")))
        .hadErrorContaining("[Keystone/ForeignKeySetDefaultNoDefault] foreign key"
            + " fk_events_shop_id: ON DELETE SET DEFAULT on column events.shop_id, which has no"
            + " @Column(defaultValue); add one or pick another action (a postgresDefault alone"
            + " is not enough: SQLite would write NULL)")
        .inFile(child).onLineContaining("SET_DEFAULT");
  }

  private static String file(Compilation c, String name) {
    return c.generatedFile(StandardLocation.CLASS_OUTPUT, "", DIR + name).map(f -> {
      try {
        return f.getCharContent(true).toString();
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }).orElseThrow(() -> new AssertionError("no " + name));
  }
}
