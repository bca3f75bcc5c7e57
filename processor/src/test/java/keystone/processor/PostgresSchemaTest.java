package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static keystone.processor.Compile.compile;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.engine.spi.ForeignKeyInfo;
import keystone.engine.spi.Schema;
import keystone.engine.spi.TableInfo;
import keystone.processor.PgCatalog.Column;
import keystone.processor.PgCatalog.Constraint;
import keystone.processor.sql.PostgresNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated PostgreSQL DDL on a real PostgreSQL 14: it runs, and the catalogs then hold
 * every table, column type, key, foreign key (name, columns, actions, deferrability) and index
 * that the compiled {@code SCHEMA} describes.
 */
class PostgresSchemaTest {
  private static final Pattern INDEX = Pattern.compile("^CREATE (?:UNIQUE )?INDEX (\\S+) ON");

  private static EmbeddedPostgres postgres;
  private Connection connection;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @BeforeEach
  void connect() throws SQLException {
    connection = postgres.getPostgresDatabase().getConnection();
    PgCatalog.useFreshSchema(connection, "keystone_test");
  }

  @AfterEach
  void disconnect() throws SQLException {
    connection.close();
  }

  @Test
  void shopFlowSample() throws Exception {
    Compilation c = compile(SampleSchemasTest.sources("shopflow"));
    assertThat(c).succeeded();
    matchesCatalog(GeneratedSchema.of(c, "keystone.samples.shopflow.ShopDatabase_Impl"));
  }

  @Test
  void goldenSchema() throws Exception {
    matchesCatalog(GeneratedSchema.of(DdlGoldenTest.shop(), "test.Db_Impl"));
  }

  @Test
  void everyShape() throws Exception {
    matchesCatalog(everyShapeSchema());
    Map<String, Column> columns = new PgCatalog(connection).columns("all_types");
    assertThat(columns.get("id"))
        .isEqualTo(new Column("bigint", false, null, true, "BY DEFAULT"));
    assertThat(columns.get("an_int").type()).isEqualTo("integer");
    assertThat(columns.get("boxed_int").nullable()).isTrue();
    assertThat(columns.get("a_short").type()).isEqualTo("integer");
    assertThat(columns.get("boxed_byte").type()).isEqualTo("integer");
    assertThat(columns.get("flag")).isEqualTo(new Column("boolean", false, "true", false, null));
    assertThat(columns.get("maybe")).isEqualTo(new Column("boolean", true, "false", false, null));
    assertThat(columns.get("a_double").type()).isEqualTo("double precision");
    assertThat(columns.get("a_float").type()).isEqualTo("real");
    assertThat(columns.get("text")).isEqualTo(new Column("text", false, "'x'::text", false, null));
    assertThat(columns.get("blob"))
        .isEqualTo(new Column("bytea", true, "'\\x00ff'::bytea", false, null));
    assertThat(columns.get("kind").type()).isEqualTo("text");
    assertThat(columns.keySet()).containsAtLeast("MixedCase", "user", "position");
    PgCatalog catalog = new PgCatalog(connection);
    assertThat(catalog.constraints("u").values().stream().map(Constraint::columns).toList())
        .contains(List.of("code"));
    assertThat(catalog.constraints("c")).hasSize(3);
  }

  /** An insert that leaves out a column with {@code postgresDefault} gets the server's value. */
  @Test
  void postgresDefaultIsTheServersDefault() throws Exception {
    Compilation c = compile(PostgresDefaultRulesTest.EVENT, Rules.database("Event.class"));
    assertThat(c).succeeded();
    Schema schema = GeneratedSchema.of(c, "test.Db_Impl");
    matchesCatalog(schema);
    Map<String, Column> columns = new PgCatalog(connection).columns("events");
    assertThat(columns.get("created_at").defaultValue()).isEqualTo("now()");
    assertThat(columns.get("stamp").defaultValue()).isEqualTo("(CURRENT_TIMESTAMP)::text");
    try (Statement s = connection.createStatement()) {
      s.execute("INSERT INTO events (\"on\") VALUES (FALSE)");
      try (ResultSet rs = s.executeQuery("SELECT created_at > now() - interval '1 minute',"
          + " stamp::timestamptz = created_at FROM events")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean(1)).isTrue();
        // One transaction: now() and CURRENT_TIMESTAMP are its start, so the two agree.
        assertThat(rs.getBoolean(2)).isTrue();
      }
    }
  }

  /** {@code deferForeignKeys()} is SET CONSTRAINTS ALL DEFERRED, as on SQLite. */
  @Test
  void everyKeyCanBeDeferredAndDeferredKeysStartDeferred() throws Exception {
    PgCatalog.run(connection, everyShapeSchema().postgresStatements());
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      // teams.captain_id is deferred = true: a dangling captain waits for commit.
      s.execute("INSERT INTO teams (id, captain_id) VALUES (1, 10)");
      assertThrows(SQLException.class,
          () -> s.execute("INSERT INTO players (id, team_id) VALUES (10, 2)"));
      connection.rollback();
      s.execute("SET CONSTRAINTS ALL DEFERRED");
      s.execute("INSERT INTO players (id, team_id) VALUES (10, 1)");
      s.execute("INSERT INTO teams (id, captain_id) VALUES (1, 10)");
      connection.commit();
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM players")) {
        assertThat(rs.next() && rs.getInt(1) == 1).isTrue();
      }
    }
  }

  /** Quoted exactly when needed: every keyword tried as a table, column and constraint name. */
  @Test
  void reservedWordsAreQuotedAndOthersAreNot() throws SQLException {
    List<String> failures = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT word, catcode FROM pg_get_keywords()")) {
      List<String[]> words = new ArrayList<>();
      while (rs.next()) {
        words.add(new String[] {rs.getString(1), rs.getString(2)});
      }
      for (String[] w : words) {
        String q = PostgresNames.quote(w[0]);
        boolean reserved = w[1].equals("R") || w[1].equals("T");
        if (q.startsWith("\"") != reserved) {
          failures.add(w[0] + " (" + w[1] + ") became " + q);
        }
        // The primary key's index would take the table's name, hence no name on that one.
        s.execute("CREATE TABLE " + q + " (" + q + " INTEGER PRIMARY KEY, CONSTRAINT " + q
            + " FOREIGN KEY (" + q + ") REFERENCES " + q + " (" + q + "))");
        s.execute("CREATE INDEX ON " + q + " (" + q + ")");
      }
    }
    assertThat(failures).isEmpty();
    assertThat(PostgresNames.quote("MixedCase")).isEqualTo("\"MixedCase\"");
    assertThat(PostgresNames.quote("order_items")).isEqualTo("order_items");
  }

  /** The compiled schema of every column type, key shape, action and deferral. */
  private static Schema everyShapeSchema() {
    Compilation c = compile(EveryShape.sources());
    assertThat(c).succeededWithoutWarnings();
    return GeneratedSchema.of(c, "test.Db_Impl");
  }

  /** Runs the PostgreSQL DDL, then compares the catalogs with the schema's own description. */
  private void matchesCatalog(Schema schema) throws SQLException {
    PgCatalog.run(connection, schema.postgresStatements());
    PgCatalog catalog = new PgCatalog(connection);
    for (TableInfo table : schema.tables()) {
      assertThat(catalog.columns(table.name()).keySet())
          .containsExactlyElementsIn(table.columns()).inOrder();
    }
    Map<String, Constraint> keys = catalog.constraints("p");
    for (TableInfo table : schema.tables()) {
      Constraint key = keys.values().stream().filter(k -> k.table().equals(table.name()))
          .findFirst().orElseThrow(() -> new AssertionError("no primary key on " + table));
      assertThat(key.columns()).isEqualTo(table.primaryKey());
    }
    Map<String, Constraint> foreignKeys = catalog.constraints("f");
    assertThat(foreignKeys.keySet()).containsExactlyElementsIn(
        schema.foreignKeys().stream().map(ForeignKeyInfo::name).toList());
    for (ForeignKeyInfo fk : schema.foreignKeys()) {
      assertThat(foreignKeys.get(fk.name())).isEqualTo(new Constraint(fk.name(), "f",
          fk.childTable(), fk.childColumns(), fk.parentTable(), fk.parentColumns(),
          fk.onDelete(), fk.onUpdate(), true, fk.deferred()));
    }
    List<String> indexNames = new ArrayList<>();
    for (String statement : schema.statements()) {
      Matcher m = INDEX.matcher(statement);
      if (m.find()) {
        indexNames.add(m.group(1).replace("\"", ""));
      }
    }
    assertThat(catalog.indexes().keySet()).containsAtLeastElementsIn(indexNames);
  }
}
