package keystone.cli;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Collectors;
import keystone.cli.doctor.Doctor;
import keystone.cli.doctor.Problem;
import keystone.cli.doctor.Reach;
import keystone.cli.doctor.Report;
import keystone.cli.schema.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keystone doctor} on SQLite files and DDL: each planted problem found, and only those. */
class DoctorSqliteTest {
  @TempDir Path dir;

  private static Report examine(String source) throws Exception {
    try (Source s = Source.open(source, null)) {
      return Doctor.examine(s);
    }
  }

  /** "severity kind table(columns)" for every finding, sorted, so a test lists them all. */
  private static List<String> findings(Report report) {
    return report.problems().stream()
        .map(p -> p.severity().label() + " " + p.kind() + " " + p.table()
            + (p.columns().isEmpty() ? "" : "(" + String.join(",", p.columns()) + ")"))
        .sorted()
        .collect(Collectors.toList());
  }

  @Test
  void largeSchemaWithGoodDataHasOnlyItsDeferredKeys() throws Exception {
    Path file = Cli.sqliteFile(dir.resolve("large.db"), "large.sql", "large-data.sql");
    Report report = examine(file.toString());
    assertThat(report.schema().tables()).hasSize(17);
    assertThat(report.schema().keys()).hasSize(22);
    assertThat(findings(report)).containsExactly(
        "info deferred-key order_coupons(order_id)",
        "info deferred-key payments(order_id)");
    assertEquals(0, Cli.run("doctor", file.toString()).exit());
    assertEquals(1, Cli.run("doctor", "--fail-on", "info", file.toString()).exit());
  }

  @Test
  void everyPlantedProblemIsFoundAndNothingElse() throws Exception {
    Path file = Cli.sqliteFile(dir.resolve("planted.db"),
        "large.sql", "large-data.sql", "large-problems-common.sql", "large-problems.sql");
    Report report = examine(file.toString());
    assertThat(findings(report)).containsExactly(
        "error enforcement-off reviews",
        "error key-mismatch vendor_products(vendor_code)",
        "error orphans reviews(product_id)",
        "info deferred-key order_coupons(order_id)",
        "info deferred-key payments(order_id)",
        "warning cycle departments",
        "warning restrict-chain invoices(address_id)",
        "warning type-mismatch shipment_notes(shipment_ref)",
        "warning unindexed-key audit_log(user_id)");
    Problem orphans = only(report, "orphans");
    assertEquals(2, orphans.count());
    assertThat(orphans.samples()).containsExactly(
        "id=10, product_id=999", "id=11, product_id=999");
    // The suggested statement really mends it: run it on a copy and look again.
    String delete = orphans.fix().substring(orphans.fix().indexOf("DELETE"));
    Path copy = Files.copy(file, dir.resolve("mended.db"));
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + copy)) {
      assertEquals(2, c.createStatement().executeUpdate(delete));
    }
    assertThat(findings(examine(copy.toString())))
        .doesNotContain("error orphans reviews(product_id)");
    Problem unindexed = only(report, "unindexed-key");
    assertEquals(3, unindexed.count());
    assertThat(unindexed.fix())
        .isEqualTo("CREATE INDEX \"idx_audit_log_user_id\" ON \"audit_log\" (\"user_id\")");
    assertThat(only(report, "key-mismatch").message()).contains("foreign key mismatch");
    assertThat(only(report, "restrict-chain").message()).contains("deletes from users");
    assertThat(only(report, "restrict-chain").samples()).containsExactly("id=1, address_id=1");
    assertThat(only(report, "cycle").message()).contains("departments -> employees");
  }

  @Test
  void deleteReachIsMeasuredOnTheData() throws Exception {
    Path file = Cli.sqliteFile(dir.resolve("large.db"), "large.sql", "large-data.sql");
    Reach orders = examine(file.toString()).reaches().stream()
        .filter(r -> r.table().equals("orders")).findFirst().orElseThrow();
    assertThat(orders.reached())
        .containsExactly("order_items", "shipments", "order_coupons", "shipment_items");
    assertEquals(2, orders.depth());
    // Order 1 has two lines, two shipment items, one shipment: order_items is the widest.
    assertEquals(2, orders.largestFanOut());
    assertThat(orders.blockedBy()).containsExactly("fk_payments_order (payments, NO ACTION)");
  }

  @Test
  void exitStatusFollowsFailOn() throws Exception {
    Path file = Cli.sqliteFile(dir.resolve("planted.db"),
        "large.sql", "large-data.sql", "large-problems-common.sql", "large-problems.sql");
    assertEquals(1, Cli.run("doctor", file.toString()).exit());
    assertEquals(1, Cli.run("doctor", "--fail-on", "error", file.toString()).exit());
    assertEquals(0, Cli.run("doctor", "--fail-on", "never", file.toString()).exit());
    Path blog = dir.resolve("blog.sql");
    Files.writeString(blog, Cli.resource("blog-seed002.sql"));
    assertEquals(1, Cli.run("doctor", blog.toString()).exit());
    assertEquals(0, Cli.run("doctor", "--fail-on", "ERROR", blog.toString()).exit());
    assertEquals(2, Cli.run("doctor", dir.resolve("missing.db").toString()).exit());
  }

  @Test
  void theFileIsOpenedReadOnlyAndItsBytesStayTheSame() throws Exception {
    Path file = Cli.sqliteFile(dir.resolve("planted.db"),
        "large.sql", "large-data.sql", "large-problems-common.sql", "large-problems.sql");
    byte[] before = sha256(file);
    long modified = Files.getLastModifiedTime(file).toMillis();
    Cli.run("doctor", file.toString());
    Cli.run("doctor", "--json", file.toString());
    Cli.run("import", file.toString(), "--package", "x.y", "--out", dir.resolve("src").toString());
    assertThat(sha256(file)).isEqualTo(before);
    assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
    try (Source s = Source.open(file.toString(), null)) {
      Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
          () -> s.connection().createStatement().executeUpdate("DELETE FROM reviews"));
      assertThat(refused.getMessage()).contains("readonly");
    }
  }

  @Test
  void d1SeedHasTwoUnindexedKeys() throws Exception {
    Path ddl = dir.resolve("d1.sql");
    Files.writeString(ddl, Cli.resource("d1-seed001.sql"));
    assertThat(findings(examine(ddl.toString()))).containsExactly(
        "warning unindexed-key orders(user_who_ordered)",
        "warning unindexed-key scores(player_id)");
    Cli.Run run = Cli.run("doctor", ddl.toString());
    assertThat(run.out()).contains("in-memory SQLite");
    assertThat(run.out()).contains("CREATE INDEX \"idx_scores_player_id\"");
  }

  @Test
  void aKeystoneDecimalColumnLoadsWithItsCollation() throws Exception {
    Path ddl = dir.resolve("prices.sql");
    Files.writeString(ddl, "CREATE TABLE prices (id INTEGER PRIMARY KEY,"
        + " amount TEXT COLLATE decimal);\nCREATE INDEX idx_prices_amount ON prices (amount);\n");
    Cli.Run run = Cli.run("doctor", ddl.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
  }

  @Test
  void blogSeedHasItsTwoUnindexedKeysOnly() throws Exception {
    Path ddl = dir.resolve("blog.sql");
    Files.writeString(ddl, Cli.resource("blog-seed002.sql"));
    // post_tags.post_id leads the primary key, so only tag_id and posts.author_id scan.
    assertThat(findings(examine(ddl.toString()))).containsExactly(
        "warning unindexed-key post_tags(tag_id)",
        "warning unindexed-key posts(author_id)");
  }

  @Test
  void jsonAndMermaidCarryTheSameFindings() throws Exception {
    Path file = Cli.sqliteFile(dir.resolve("planted.db"),
        "large.sql", "large-data.sql", "large-problems-common.sql", "large-problems.sql");
    String json = Cli.run("doctor", "--json", file.toString()).out();
    assertThat(json).contains("\"kind\": \"orphans\"");
    assertThat(json)
        .contains("\"samples\": [\"id=10, product_id=999\", \"id=11, product_id=999\"]");
    assertThat(json).contains("\"errors\": 3");
    String mermaid = Cli.run("doctor", "--mermaid", file.toString()).out();
    assertThat(mermaid).startsWith("erDiagram\n");
    assertThat(mermaid).contains("products ||--o{ reviews : \"fk_reviews_product_id: ON DELETE"
        + " CASCADE, ON UPDATE NO ACTION (enforcement-off, orphans)\"");
    assertEquals(2, Cli.run("doctor", "--json", "--mermaid", file.toString()).exit());
  }

  private static Problem only(Report report, String kind) {
    List<Problem> found = report.problems().stream().filter(p -> p.kind().equals(kind)).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static byte[] sha256(Path file) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
  }
}
