package keystone.tests.tree;

import static keystone.tests.Db.missingParent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneException;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A table whose key references itself. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class SelfReferenceTest {
  private static final int DEPTH = 3000;

  @Parameter TestEngine engine;
  @TempDir Path dir;
  private TreeDatabase db;
  private TreeDao tree;

  @BeforeEach
  void open() {
    db = engine.open(TreeDatabase.class, dir);
    tree = db.tree();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void deletingTheRootCascadesThroughTheWholeTree() {
    tree.insertAll(
        List.of(
            new Node(1, null, "root"),
            new Node(2, 1L, "a"),
            new Node(3, 1L, "b"),
            new Node(4, 2L, "a1"),
            new Node(5, 2L, "a2"),
            new Node(6, 3L, "b1"),
            new Node(7, null, "other root"),
            new Node(8, 7L, "c")));
    assertEquals(1, tree.delete(1));
    assertEquals(List.of(7L, 8L), tree.ids());
  }

  @Test
  void aNodeMayReferenceItself() {
    tree.insert(new Node(1, 1L, "loop"));
    assertEquals(1, tree.delete(1));
    assertEquals(0, tree.count());
  }

  @Test
  void orphanNodeIsRefused() {
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> tree.insert(new Node(1, 42L, "x")));
    assertEquals(
        List.of(
            missingParent(
                "fk_nodes_parent_id", "nodes", List.of("parent_id"), "nodes", List.of("id"), 42L)),
        e.violations());
    assertEquals(
        "FOREIGN KEY constraint failed: insert or update on table \"nodes\" violates foreign key"
            + " constraint \"fk_nodes_parent_id\": key (parent_id)=(42) is not present in table"
            + " \"nodes\"",
        e.getMessage());
  }

  /**
   * SQLite runs each cascade level as a nested trigger and stops at 1000 levels
   * (https://www.sqlite.org/limits.html#max_trigger_depth): the delete fails whole, with every
   * row in place. PostgreSQL's cascade has no such limit at this depth: the chain goes.
   */
  @Test
  void deletingTheRootOfAChainDeeperThanTheTriggerLimit() {
    tree.insertAll(chain());
    assertEquals(DEPTH, tree.count());
    if (engine == TestEngine.POSTGRES) {
      db.runInTransaction(() -> assertEquals(1, tree.delete(1)));
      assertEquals(0, tree.count());
      return;
    }
    KeystoneException failure =
        assertThrows(KeystoneException.class, () -> db.runInTransaction(() -> tree.delete(1)));
    assertTooDeep(failure);
    assertEquals(allIds(DEPTH), tree.ids(), "a failed delete must change nothing");
    assertEquals(List.of(), db.checkForeignKeys());
    // The file and the very same DAO method stay usable: delete from the leaves up, 500 levels
    // at a time, as the error advises.
    for (long top = DEPTH - 499; top >= 1; top -= 500) {
      tree.delete(top);
    }
    assertEquals(0, tree.count());
    tree.insert(new Node(DEPTH + 1, null, "after"));
    assertEquals(List.of((long) DEPTH + 1), tree.ids());
  }

  @Test
  void aDeepCascadeFailingInsideATransactionIsUndoneAloneAndTheRestCommits() {
    tree.insertAll(chain());
    KeystoneException[] failure = {null};
    db.runInTransaction(
        () -> {
          tree.insert(new Node(DEPTH + 1, null, "before"));
          if (engine == TestEngine.POSTGRES) {
            assertEquals(1, tree.delete(1));
          } else {
            failure[0] = assertThrows(KeystoneException.class, () -> tree.delete(1));
          }
          tree.insert(new Node(DEPTH + 2, null, "after"));
        });
    if (engine == TestEngine.POSTGRES) {
      assertEquals(List.of((long) DEPTH + 1, (long) DEPTH + 2), tree.ids());
      return;
    }
    assertTooDeep(failure[0]);
    assertEquals(allIds(DEPTH + 2), tree.ids(), "every row of the chain is still in place");
    assertEquals(List.of(), db.checkForeignKeys());
  }

  private static void assertTooDeep(KeystoneException failure) {
    assertEquals("The cascade went too deep: SQLite runs ON DELETE"
        + " and ON UPDATE actions as nested triggers and stops at 1000 levels, so a chain of rows"
        + " that reference each other can cascade through at most 1000 rows in one statement."
        + " Nothing was changed. Delete such a tree from its leaves up, at most 1000 levels at a"
        + " time in: DELETE FROM nodes WHERE id = ?", failure.getMessage());
  }

  private static List<Long> allIds(int last) {
    List<Long> ids = new ArrayList<>();
    for (long id = 1; id <= last; id++) {
      ids.add(id);
    }
    return ids;
  }

  private static List<Node> chain() {
    List<Node> chain = new ArrayList<>();
    chain.add(new Node(1, null, "n1"));
    for (long id = 2; id <= DEPTH; id++) {
      chain.add(new Node(id, id - 1, "n" + id));
    }
    return chain;
  }
}
