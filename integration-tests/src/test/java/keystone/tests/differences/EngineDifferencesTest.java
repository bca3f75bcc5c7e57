package keystone.tests.differences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import keystone.engine.DeletePlan;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.testing.TestEngine;
import keystone.tests.Db;
import keystone.tests.relations.Customer;
import keystone.tests.relations.GraphDao;
import keystone.tests.relations.GraphDatabase;
import keystone.tests.relations.Item;
import keystone.tests.relations.Product;
import keystone.tests.relations.Purchase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rows of docs/postgresql.md's table where the two engines give different outcomes, each
 * asserting the outcome of the engine it runs on, and the one the table says is the same on both
 * although PostgreSQL gets there another way. (The other rows are pinned where the docs say.)
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class EngineDifferencesTest {
  @Parameter TestEngine engine;
  @TempDir Path dir;
  private GraphDatabase db;
  private GraphDao graph;

  @BeforeEach
  void open() {
    db = engine.open(GraphDatabase.class, dir);
    graph = db.graph();
  }

  @AfterEach
  void close() {
    db.close();
  }

  /**
   * SQLite's INTEGER PRIMARY KEY without AUTOINCREMENT hands out max(rowid) + 1, so the largest
   * key comes back once its row is gone (https://sqlite.org/autoinc.html); PostgreSQL's identity
   * sequence only moves on.
   */
  @Test
  void aGeneratedKeyAfterTheLargestRowWasDeleted() {
    graph.insert(new Customer(0, "Ada"));
    long grace = graph.insert(new Customer(0, "Grace"));
    assertEquals(2, grace);
    assertEquals(1, graph.deleteCustomer(grace));
    long next = graph.insert(new Customer(0, "Linus"));
    assertEquals(engine == TestEngine.SQLITE ? 2 : 3, next);
    // Deleting every row: SQLite starts again at 1, the sequence still moves on.
    graph.deleteCustomer(1);
    graph.deleteCustomer(next);
    assertEquals(engine == TestEngine.SQLITE ? 1 : 4, graph.insert(new Customer(0, "Barbara")));
  }

  /** The same on both: Keystone moves PostgreSQL's sequence past an explicit key. */
  @Test
  void anExplicitKeyInAGeneratedColumnIsFollowedByTheNextOne() {
    graph.insert(new Customer(0, "Ada"));
    assertEquals(100, graph.insert(new Customer(100, "Grace")));
    assertEquals(101, graph.insert(new Customer(0, "Linus")));
  }

  /**
   * SQLite runs the preview with RESTRICT kept by guard triggers that record a protected row and
   * skip it, so the rest of the delete is still counted; on PostgreSQL RESTRICT fails the
   * statement itself, so the plan has the blocking key and no counts. Both name the same
   * violation, the one the delete then fails with.
   */
  @Test
  void previewDeleteBlockedByRestrict() {
    long ada = graph.insert(new Customer(0, "Ada"));
    long pen = graph.insert(new Product(0, "pen"));
    graph.insert(new Product(0, "ink"));
    graph.insert(new Product(0, "nib"));
    long order = graph.insert(new Purchase(0, ada, "paid"));
    graph.insert(new Item(0, order, pen, 1));
    DeletePlan plan = db.previewDelete("DELETE FROM products");
    assertEquals(engine == TestEngine.SQLITE ? Map.of("products", 2) : Map.of(),
        nonZero(plan.deleted()));
    assertEquals(List.of("fk_order_items_product_id"),
        plan.blockedBy().stream().map(ForeignKeyViolation::constraint).toList());
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> db.execute("DELETE FROM products"));
    assertEquals(e.violations(), plan.blockedBy());
    assertEquals(3, Db.count(db, "products"));
    assertEquals(1, Db.count(db, "order_items"));
  }

  private static Map<String, Integer> nonZero(Map<String, Integer> counts) {
    Map<String, Integer> out = new HashMap<>(counts);
    out.values().removeIf(v -> v == 0);
    return out;
  }
}
