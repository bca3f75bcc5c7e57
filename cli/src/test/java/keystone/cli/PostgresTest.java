package keystone.cli;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import keystone.cli.doctor.Doctor;
import keystone.cli.doctor.Problem;
import keystone.cli.doctor.Report;
import keystone.cli.schema.Source;
import keystone.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both commands on the embedded PostgreSQL: a URL with --schema, read in a READ ONLY transaction. */
class PostgresTest {
  @TempDir Path dir;

  private static String database(String script) throws SQLException {
    String url = TestPostgres.freshDatabase();
    try (Connection c = TestPostgres.dataSource(url).getConnection();
        Statement st = c.createStatement()) {
      st.execute(Cli.resource(script));
    }
    return url;
  }

  private static List<String> findings(Report report) {
    return report.problems().stream()
        .map(p -> p.severity().label() + " " + p.kind() + " " + p.table()
            + (p.columns().isEmpty() ? "" : "(" + String.join(",", p.columns()) + ")"))
        .sorted()
        .collect(Collectors.toList());
  }

  private static Report examine(String url) throws Exception {
    try (Source s = Source.open(url, "public")) {
      return Doctor.examine(s);
    }
  }

  @Test
  void everyPlantedProblemIsFoundAndNothingElse() throws Exception {
    String url = database("pg-problems.sql");
    Report report = examine(url);
    assertThat(findings(report)).containsExactly(
        "error enforcement-off reviews",
        "error orphans reviews(user_id)",
        "error orphans sessions(user_id)",
        "info deferred-key payments(user_id)",
        "warning cycle departments",
        "warning not-valid reviews(user_id)",
        "warning restrict-chain invoices(address_id)",
        "warning type-mismatch sessions(user_id)",
        "warning unindexed-key audit_log(user_id)");
    Problem orphan = report.problems().stream()
        .filter(p -> p.kind().equals("orphans") && p.table().equals("sessions"))
        .findFirst().orElseThrow();
    assertThat(orphan.samples()).containsExactly("id=1, user_id=42");
    assertThat(orphan.key()).isEqualTo("sessions_user_id_fkey");
    assertEquals(1, Cli.run("doctor", url, "--schema", "public").exit());
    assertThat(Cli.run("doctor", "--json", url).out()).contains("\"dialect\": \"postgres\"");
  }

  @Test
  void shopFlowSeedIsHealthy() throws Exception {
    String url = database("shopflow-seed003.sql");
    Report report = examine(url);
    assertThat(findings(report)).isEmpty();
    assertThat(report.schema().keys()).hasSize(5);
    Cli.Run run = Cli.run("doctor", url);
    assertEquals(0, run.exit(), run.out() + run.err());
    assertThat(run.out()).contains("No problems found.");
    assertThat(run.out()).contains("users: 1 table(s) (user_profiles), depth 1");
    assertThat(run.out()).contains("can be refused by fk_orders_user (orders, RESTRICT)");
  }

  @Test
  void readsInAReadOnlyTransaction() throws Exception {
    String url = database("shopflow-seed003.sql");
    try (Source s = Source.open(url, null)) {
      try (Statement st = s.connection().createStatement();
          ResultSet rs = st.executeQuery("SHOW transaction_read_only")) {
        rs.next();
        assertEquals("on", rs.getString(1));
      }
      SQLException e = assertThrows(SQLException.class,
          () -> s.connection().createStatement().executeUpdate("DELETE FROM order_items"));
      assertEquals("25006", e.getSQLState());
    }
  }

  @Test
  void unknownSchemaIsAnError() throws Exception {
    String url = database("shopflow-seed003.sql");
    Cli.Run run = Cli.run("doctor", url, "--schema", "nowhere");
    assertEquals(2, run.exit());
    assertThat(run.err()).contains("schema \"nowhere\" has no tables");
  }

  @Test
  void shopFlowImportsAndCompilesWithTheProcessor() throws Exception {
    String url = database("shopflow-seed003.sql");
    Cli.Run run = Cli.run("import", url, "--package", "imported.shopflow",
        "--out", dir.resolve("src").toString());
    assertEquals(0, run.exit(), run.err());
    assertThat(run.out()).contains("price: PostgreSQL numeric(10,2) is read as double");
    Path pkg = dir.resolve("src/imported/shopflow");
    String items = Files.readString(pkg.resolve("OrderItems.java"));
    assertThat(items).contains("@Check(\"price_at_purchase >= 0\")");
    assertThat(items).contains("name = \"fk_order_items_product\"");
    assertThat(items).contains("onUpdate = CASCADE");
    assertThat(items).contains("name = \"order_items_order_id_product_id_key\"");
    assertThat(Files.readString(pkg.resolve("Orders.java")))
        .contains("@PrimaryKey(autoGenerate = true)");
    assertThat(Files.readString(pkg.resolve("Orders.java")))
        .contains("defaultValue = \"'pending'\"");
    assertThat(Files.exists(pkg.resolve("PublicDatabase.java"))).isTrue();
    GeneratedCode.compile(dir.resolve("src"), dir.resolve("classes"));
  }
}
