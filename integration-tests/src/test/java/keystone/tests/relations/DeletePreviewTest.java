package keystone.tests.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import keystone.engine.DeletePlan;
import keystone.engine.ForeignKeyViolationException;
import keystone.testing.TestEngine;
import keystone.tests.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A delete preview changes nothing and agrees with what the delete then does. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class DeletePreviewTest {
  private static final List<String> TABLES = List.of("users", "profiles", "products", "orders",
      "order_items", "posts", "tags", "post_tags", "nodes", "staff");

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

  private Map<String, Long> counts() {
    Map<String, Long> out = new HashMap<>();
    for (String t : TABLES) {
      out.put(t, Db.count(db, t));
    }
    return out;
  }

  /** Rows each table lost between two counts, only the tables that lost some. */
  private static Map<String, Integer> lost(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Integer> out = new HashMap<>();
    before.forEach((t, n) -> {
      long gone = n - after.get(t);
      if (gone != 0) {
        out.put(t, (int) gone);
      }
    });
    return out;
  }

  private static Map<String, Integer> nonZero(Map<String, Integer> counts) {
    Map<String, Integer> out = new HashMap<>(counts);
    out.values().removeIf(v -> v == 0);
    return out;
  }

  private void assertAgrees(DeletePlan plan, Supplier<Integer> delete) {
    Map<String, Long> before = counts();
    assertTrue(plan.allowed(), plan.blockedBy().toString());
    assertEquals(before, counts(), "a preview changes nothing");
    delete.get();
    assertEquals(nonZero(plan.deleted()), lost(before, counts()));
  }

  private long chain() {
    long ada = graph.insert(new Customer(0, "Ada"));
    graph.insert(new Customer(0, "Grace"));
    graph.insert(new Profile(ada, "bio"));
    long product = graph.insert(new Product(0, "p"));
    for (int o = 0; o < 3; o++) {
      long order = graph.insert(new Purchase(0, ada, "paid"));
      for (int i = 0; i <= o; i++) {
        graph.insert(new Item(0, order, product, 1));
      }
    }
    long post = graph.insert(new Post(0, ada, "hello"));
    graph.insert(new PostTag(post, graph.insert(new Tag(0, "t"))));
    return ada;
  }

  @Test
  void usersOrdersItemsChainByEntity() {
    long ada = chain();
    DeletePlan plan = db.previewDelete(Customer.class, ada);
    assertEquals(Map.of("users", 1, "profiles", 1, "orders", 3, "order_items", 6, "posts", 1,
        "post_tags", 1), nonZero(plan.deleted()));
    assertAgrees(plan, () -> graph.delete(new Customer(ada, "Ada")));
  }

  @Test
  void usersOrdersItemsChainByQueryDelete() {
    long ada = chain();
    DeletePlan plan = db.previewDelete("DELETE FROM users WHERE id = ?", ada);
    assertAgrees(plan, () -> graph.deleteCustomer(ada));
  }

  @Test
  void restrictBlocksAndThePreviewNamesTheSameViolations() {
    chain();
    long product = 1;
    DeletePlan plan = db.previewDelete(Product.class, product);
    assertFalse(plan.allowed());
    Map<String, Long> before = counts();
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> graph.deleteProduct(product));
    assertEquals(e.violations(), plan.blockedBy());
    assertEquals(before, counts());
  }

  @Test
  void selfReferencingCascade() {
    graph.insert(new Node(1, null), new Node(2, 1L), new Node(3, 1L), new Node(4, 2L),
        new Node(5, 4L), new Node(6, null), new Node(7, 6L));
    DeletePlan plan = db.previewDelete(Node.class, 1L);
    assertEquals(Map.of("nodes", 5), nonZero(plan.deleted()));
    assertAgrees(plan, () -> graph.deleteNode(1));
    assertEquals(2, Db.count(db, "nodes"));
  }

  @Test
  void selfReferencingRestrictIsBlocked() {
    graph.insert(new Staff(1, null), new Staff(2, 1L), new Staff(3, 1L), new Staff(4, 2L));
    DeletePlan plan = db.previewDelete("DELETE FROM staff WHERE id = ?", 1L);
    assertFalse(plan.allowed());
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> graph.deleteStaff(1));
    assertEquals(e.violations(), plan.blockedBy());
    assertEquals(4, Db.count(db, "staff"));
    // A leaf has no reports: allowed, and the delete agrees.
    assertAgrees(db.previewDelete(Staff.class, 4L), () -> graph.deleteStaff(4));
  }
}
