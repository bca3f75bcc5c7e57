package keystone.processor.migration;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import keystone.processor.KeystoneProcessor;
import keystone.processor.migration.PostgresImplicitNames.NamedCheck;
import keystone.processor.migration.SchemaVersion.Column;
import keystone.processor.migration.SchemaVersion.Table;
import org.junit.jupiter.api.Test;

/**
 * The names Keystone expects PostgreSQL to have given its unnamed constraints are the ones a
 * real PostgreSQL 14 gives them: one-column and several-column CHECKs, two on one column, a
 * quoted column, and names long enough to be shortened.
 */
class PostgresImplicitNamesTest {
  private static final String LONG = "a_table_name_long_enough_to_be_cut_short_by_postgres_too";

  private static final JavaFileObject ENTITY = JavaFileObjects.forSourceLines("test.Item",
      "package test;",
      "import keystone.*;",
      "@Entity(table = \"" + LONG + "\", checks = {\"low <= high\", \"high < 100\"})",
      "public record Item(@PrimaryKey long id, @Check(\"low >= 0\") int low, int high,",
      "    @Column(name = \"Mixed\", unique = true) @Check(\"length(\\\"Mixed\\\") > 1\") String mixed,",
      "    @Column(unique = true) String a_column_name_that_is_rather_long_as_well_for_sure) {}");
  private static final JavaFileObject DB = JavaFileObjects.forSourceLines("test.Db",
      "package test;",
      "@keystone.Database(entities = Item.class)",
      "public interface Db extends keystone.engine.KeystoneDatabase {}");

  @Test
  void predictedNamesAreThoseOfTheCatalog() throws Exception {
    Compilation c = javac().withProcessors(new KeystoneProcessor()).compile(ENTITY, DB);
    assertThat(c).succeeded();
    String json = c.generatedFile(StandardLocation.CLASS_OUTPUT, "keystone/schemas/test.Db/1.json")
        .orElseThrow().getCharContent(true).toString();
    Table table = SchemaVersion.fromJson(JsonReader.parse(json)).tables().get(0);
    Set<String> predicted = new TreeSet<>();
    predicted.add(PostgresImplicitNames.primaryKey(table));
    for (Column column : table.columns()) {
      if (column.unique()) {
        predicted.add(PostgresImplicitNames.unique(table, column));
      }
    }
    PostgresImplicitNames.checks(table).stream().map(NamedCheck::name).forEach(predicted::add);
    assertThat(predicted).hasSize(7);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
        Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement st = connection.createStatement()) {
      PostgresTableDdl.Statements ddl =
          PostgresTableDdl.create(List.of(table), Set.of(), t -> table);
      st.execute(ddl.tables().get(0));
      List<String> actual = new ArrayList<>();
      try (ResultSet rows = st.executeQuery("SELECT conname FROM pg_constraint"
          + " WHERE conrelid = '" + LONG + "'::regclass")) {
        while (rows.next()) {
          actual.add(rows.getString(1));
        }
      }
      assertThat(new TreeSet<>(actual)).isEqualTo(predicted);
    }
  }
}
