package keystone.tests.tree;

import static keystone.tests.Db.missingParent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void deletingTheRootOfAChainDeeperThanTheTriggerLimitNeverLeavesOrphans() {
    // SQLite runs each cascade level as a nested trigger, and stops at 1000 levels; a failure
    // there must not leave the levels already deleted behind.
    tree.insertAll(chain());
    assertEquals(DEPTH, tree.count());

    KeystoneException failure = null;
    try {
      db.runInTransaction(() -> tree.delete(1));
    } catch (KeystoneException e) {
      failure = e;
    }

    long left = tree.count();
    if (failure != null) {
      assertEquals(DEPTH, left, "a failed delete must change nothing: " + failure);
    } else {
      assertEquals(0, left, "a successful delete must take the whole chain");
    }
    assertEquals(0, tree.orphans());
    assertEquals(List.of(), db.checkForeignKeys());
    // The file and the very same DAO method stay usable either way: delete from the leaves up,
    // 500 levels at a time, as the error advises.
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
    boolean[] failed = {false};
    db.runInTransaction(
        () -> {
          tree.insert(new Node(DEPTH + 1, null, "before"));
          try {
            tree.delete(1);
          } catch (KeystoneException e) {
            failed[0] = true;
          }
          tree.insert(new Node(DEPTH + 2, null, "after"));
        });
    assertEquals(failed[0] ? DEPTH + 2 : 2, tree.count());
    assertTrue(tree.ids().containsAll(List.of((long) DEPTH + 1, (long) DEPTH + 2)));
    assertEquals(0, tree.orphans());
    assertEquals(List.of(), db.checkForeignKeys());
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
