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

/** Both commands on the embedded PostgreSQL: read in a READ ONLY transaction. */
class PostgresTest {
  @TempDir Path dir;

  private static String database(String... scripts) throws SQLException {
    String url = TestPostgres.freshDatabase();
    try (Connection c = TestPostgres.dataSource(url).getConnection();
        Statement st = c.createStatement()) {
      for (String script : scripts) {
        st.execute(postgres(Cli.resource(script)));
      }
    }
    return url;
  }

  /**
   * large.sql as PostgreSQL takes it: no WITHOUT ROWID, a text default that is text, and no
   * SQLite trigger body. Everything else in it is SQL both engines read alike.
   */
  private static String postgres(String sql) {
    String s = sql.replace(") WITHOUT ROWID;", ");")
        .replace("DEFAULT CURRENT_TIMESTAMP", "DEFAULT CURRENT_TIMESTAMP::text");
    int trigger = s.indexOf("CREATE TRIGGER");
    return trigger < 0 ? s : s.substring(0, trigger);
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
  void largeSchemaWithGoodDataHasOnlyItsDeferredKeys() throws Exception {
    Report report = examine(database("large.sql", "large-data.sql"));
    assertThat(report.schema().tables()).hasSize(17);
    assertThat(report.schema().keys()).hasSize(22);
    assertThat(findings(report)).containsExactly(
        "info deferred-key order_coupons(order_id)",
        "info deferred-key payments(order_id)");
  }

  @Test
  void everyPlantedProblemIsFoundAndNothingElse() throws Exception {
    String url = database("large.sql", "large-data.sql", "large-problems-common.sql",
        "large-problems-postgres.sql");
    Report report = examine(url);
    assertThat(findings(report)).containsExactly(
        "error enforcement-off reviews",
        "error enforcement-off shipment_notes(shipment_ref)",
        "error orphans reviews(product_id)",
        "error orphans vendor_products(user_id)",
        "info deferred-key order_coupons(order_id)",
        "info deferred-key payments(order_id)",
        "warning cycle departments",
        "warning not-valid vendor_products(user_id)",
        "warning restrict-chain invoices(address_id)",
        "warning type-mismatch shipment_notes(shipment_ref)",
        "warning unindexed-key audit_log(user_id)");
    Problem orphan = report.problems().stream()
        .filter(p -> p.kind().equals("orphans") && p.table().equals("reviews"))
        .findFirst().orElseThrow();
    assertThat(orphan.samples()).containsExactly(
        "id=10, product_id=999", "id=11, product_id=999");
    assertThat(orphan.key()).isEqualTo("reviews_product_id_fkey");
    assertEquals(3, report.problems().stream()
        .filter(p -> p.kind().equals("unindexed-key")).findFirst().orElseThrow().count());
    assertEquals(1, Cli.run("doctor", url, "--schema", "public").exit());
    assertThat(Cli.run("doctor", "--json", url).out()).contains("\"dialect\": \"postgres\"");
  }

  @Test
  void largeSchemaImportsFromPostgresAndCompiles() throws Exception {
    String url = database("large.sql", "large-data.sql");
    Cli.Run run = Cli.run("import", url, "--package", "imported.pglarge",
        "--out", dir.resolve("src").toString(), "--database", "LargeDatabase");
    assertEquals(0, run.exit(), run.err());
    // PostgreSQL's (CURRENT_TIMESTAMP)::text has no SQLite spelling: PostgreSQL's DDL alone
    // declares it, and nothing is left that opening would see.
    assertThat(run.out()).doesNotContain("[differs]");
    assertThat(Files.readString(dir.resolve("src/imported/pglarge/Users.java")))
        .contains("postgresDefault = \"(CURRENT_TIMESTAMP)::text\"");
    // The view is imported: PostgreSQL's SELECT for PostgreSQL, rewritten for SQLite.
    assertThat(run.out()).doesNotContain("view order_totals");
    assertThat(Files.readString(dir.resolve("src/imported/pglarge/LargeDatabase.java")))
        .contains("views = {OrderTotals.class}");
    assertThat(run.out()).contains("partial index idx_reviews_low WHERE (rating <= 2)");
    String payments = Files.readString(dir.resolve("src/imported/pglarge/Payments.java"));
    assertThat(payments).contains("deferred = true");
    // PostgreSQL prints IN as = ANY (ARRAY[...]) with casts; SQLite reads it back as IN.
    assertThat(Files.readString(dir.resolve("src/imported/pglarge/Orders.java")))
        .contains("@Check(\"status IN ('pending', 'paid', 'shipped')\")");
    GeneratedCode.compile(dir.resolve("src"), dir.resolve("classes"));
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
    assertThat(run.out()).doesNotContain("[differs]");
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
