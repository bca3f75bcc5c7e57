package keystone.tests.migrations;

import static keystone.tests.Db.missingParent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import keystone.engine.Keystone;
import keystone.engine.Migration;
import keystone.engine.MigrationException;
import keystone.testing.MigrationTestHelper;
import keystone.tests.postgres.Postgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ShopFlowChainTest}'s scenario on a real PostgreSQL: version 1 made from its exported
 * {@code 1.postgres.sql} and filled, then opened by version 3, whose generated
 * {@code POSTGRES_MIGRATIONS} change the tables in place. A failed step leaves the database at
 * the version before it, every table and key as it was.
 */
class ShopFlowChainPostgresTest {
  MigrationTestHelper helper = new MigrationTestHelper(null).schemaLocation(Exports.SCHEMAS);

  @BeforeEach
  void emptySchema() throws Exception {
    Postgres.freshDatabase();
  }

  private void atVersion(int version, String... sql) throws SQLException {
    helper.createPostgresDatabase(ShopFlow.class, version, Postgres.dataSource());
    execute(ShopFlowScenario.DEMO_ROWS);
    execute(sql);
  }

  @Test
  void chainOneTwoThreeKeepsEveryRowAndChangesOnDelete() throws SQLException {
    atVersion(1);
    // Version 1 says RESTRICT: Ada cannot be deleted while she has orders.
    assertThrows(SQLException.class, () -> execute("DELETE FROM users WHERE id = 1"));
    try (ShopFlow db = Keystone.builder(ShopFlow.class).postgres(Postgres.url()).build()) {
      assertEquals(3L, db.query("SELECT version FROM keystone_schema").get(0)[0]);
      ShopFlowScenario.assertMigratedToThree(db);
    }
  }

  /** Orphans PostgreSQL never saw (written with its triggers off) fail the step that checks. */
  @Test
  void anOrphanLeavesTheDatabaseAtVersionTwoWithItsKeyAsItWas() throws SQLException {
    atVersion(2, "SET session_replication_role = replica",
        "INSERT INTO orders (id, user_id) VALUES (4, 404)");
    MigrationException e = assertThrows(MigrationException.class,
        () -> Keystone.builder(ShopFlow.class).postgres(Postgres.url()).build());
    assertEquals(2, e.from());
    assertEquals(List.of(missingParent("fk_orders_user_id", "orders", List.of("user_id"),
        "users", List.of("id"), 404L)), e.violations());
    assertTrue(e.getMessage().contains("stays at version 2"), e.getMessage());
    assertEquals(List.of("2"), query("SELECT version FROM keystone_schema"));
    assertEquals(List.of("fk_orders_user_id r c true"), query("SELECT conname || ' '"
        + " || confdeltype || ' ' || confupdtype || ' ' || convalidated FROM pg_constraint"
        + " WHERE conrelid = 'orders'::regclass AND contype = 'f'"));
    assertEquals(List.of("4"), query("SELECT count(*) FROM orders"));
  }

  /** A parent deleted by a hand-written step takes CASCADE children nobody named along. */
  @Test
  void aStepThatLosesRowsItDoesNotNameIsRolledBack() throws SQLException {
    atVersion(1);
    Migration deletesAnOrder =
        Migration.of(1, 2, db -> db.execute("DELETE FROM orders WHERE id = 3"));
    MigrationException e = assertThrows(MigrationException.class,
        () -> Keystone.builder(ShopFlow.class).postgres(Postgres.url())
            .migrations(deletesAnOrder).build());
    assertTrue(e.getMessage().contains("table order_items lost 1 of its 4 rows"),
        e.getMessage());
    assertEquals(List.of("1"), query("SELECT version FROM keystone_schema"));
    assertEquals(List.of("3 4"), query("SELECT (SELECT count(*) FROM orders) || ' ' ||"
        + " (SELECT count(*) FROM order_items)"));
  }

  /**
   * With {@code deferrableKeys(false)} (engines without DEFERRABLE keys) a Java migration runs
   * without deferral and is checked as before, and the generated steps add their keys without
   * DEFERRABLE.
   */
  @Test
  void migrationsRunWithImmediateKeys() throws SQLException {
    atVersion(1);
    MigrationException e = assertThrows(MigrationException.class,
        () -> Keystone.builder(ShopFlow.class).postgres(Postgres.url()).deferrableKeys(false)
            .migrations(Migration.of(1, 2, db -> db.execute("DELETE FROM orders WHERE id = 3")))
            .build());
    assertTrue(e.getMessage().contains("table order_items lost 1 of its 4 rows"),
        e.getMessage());
    assertEquals(List.of("1"), query("SELECT version FROM keystone_schema"));
    try (ShopFlow db = Keystone.builder(ShopFlow.class).postgres(Postgres.url())
        .deferrableKeys(false).build()) {
      assertEquals(3L, db.query("SELECT version FROM keystone_schema").get(0)[0]);
      ShopFlowScenario.assertMigratedToThree(db);
    }
    assertEquals(List.of("fk_orders_user_id false"), query("SELECT conname || ' ' ||"
        + " condeferrable FROM pg_constraint WHERE conrelid = 'orders'::regclass"
        + " AND contype = 'f'"));
  }

  static void execute(String... sql) throws SQLException {
    try (Connection c = Postgres.dataSource().getConnection();
        Statement st = c.createStatement()) {
      for (String statement : sql) {
        st.execute(statement);
      }
    }
  }

  /** The first column of every row, as text. */
  static List<String> query(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = Postgres.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rows = st.executeQuery(sql)) {
      while (rows.next()) {
        out.add(rows.getString(1));
      }
    }
    return out;
  }
}
