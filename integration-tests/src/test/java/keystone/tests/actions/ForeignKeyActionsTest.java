package keystone.tests.actions;

import static keystone.tests.Db.row;
import static keystone.tests.Db.rows;
import static keystone.tests.Db.stillReferenced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.ForeignKeyViolationException;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each of the five actions, on delete (through {@code @Delete}) and on update of the parent key
 * (through {@code @Query}, and through {@code @Update} for a key on a unique non-primary column).
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class ForeignKeyActionsTest {
  private static final Parent P1 = new Parent(1, "p1");

  @Parameter TestEngine engine;
  @TempDir Path dir;
  private ActionsDatabase db;
  private ActionsDao dao;

  @BeforeEach
  void open() {
    db = engine.open(ActionsDatabase.class, dir);
    dao = db.dao();
    // Parent 0 is the SET DEFAULT target.
    dao.insertParents(new Parent(0, "p0"), P1, new Parent(2, "p2"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  // NO ACTION

  @Test
  void noActionRefusesDeletingAReferencedParent() {
    dao.insertNoAction(new NoActionChild(10, 1L));
    assertStillReferenced("no_action_children", () -> dao.delete(P1));
    assertEquals(List.of(row(10L, 1L)), rows(db, "SELECT * FROM no_action_children"));
  }

  @Test
  void noActionRefusesChangingAReferencedKey() {
    dao.insertNoAction(new NoActionChild(10, 1L));
    assertStillReferenced("no_action_children", () -> dao.changeId(1, 5));
    assertEquals(List.of(row(10L, 1L)), rows(db, "SELECT * FROM no_action_children"));
  }

  @Test
  void noActionAllowsDeletingAnUnreferencedParent() {
    dao.insertNoAction(new NoActionChild(10, 1L));
    assertEquals(1, dao.delete(new Parent(2, "p2")));
    assertEquals(List.of(new Parent(0, "p0"), P1), dao.parents());
  }

  // RESTRICT

  @Test
  void restrictRefusesDeletingAReferencedParent() {
    dao.insertRestrict(new RestrictChild(10, 1L));
    assertStillReferenced("restrict_children", () -> dao.delete(P1));
    assertEquals(List.of(row(10L, 1L)), rows(db, "SELECT * FROM restrict_children"));
  }

  @Test
  void restrictRefusesChangingAReferencedKey() {
    dao.insertRestrict(new RestrictChild(10, 1L));
    assertStillReferenced("restrict_children", () -> dao.changeId(1, 5));
    assertEquals(List.of(row(10L, 1L)), rows(db, "SELECT * FROM restrict_children"));
  }

  @Test
  void anUpdateThatKeepsTheKeyDoesNotTriggerRestrict() {
    dao.insertRestrict(new RestrictChild(10, 1L));
    // ON UPDATE actions run only when the referenced key really changes.
    assertEquals(1, dao.update(new Parent(1, "p1-renamed")));
    assertEquals(1, dao.changeId(1, 1));
    assertEquals(List.of(row(10L, 1L)), rows(db, "SELECT * FROM restrict_children"));
  }

  // REPLACE deletes the old row, so its actions run as for a delete.

  @Test
  void restrictRefusesReplacingAReferencedParent() {
    dao.insertRestrict(new RestrictChild(10, 1L));
    assertStillReferenced("restrict_children", () -> dao.replace(new Parent(1, "p1-new")));
    assertEquals(List.of(row(10L, 1L)), rows(db, "SELECT * FROM restrict_children"));
  }

  @Test
  void restrictRefusesAReplacementWhileKeysAreDeferred() {
    dao.insertRestrict(new RestrictChild(10, 1L));
    // RESTRICT is never deferred: the same key coming back at commit does not excuse it.
    assertStillReferenced(
        "restrict_children",
        () -> db.runInTransaction(() -> {
          db.deferForeignKeys();
          dao.replace(new Parent(1, "p1-new"));
        }));
    assertEquals(List.of(row(10L, 1L)), rows(db, "SELECT * FROM restrict_children"));
  }

  @Test
  void noActionAcceptsAReplacementUnderTheSameKey() {
    dao.insertNoAction(new NoActionChild(10, 1L));
    dao.replace(new Parent(1, "p1-new"));
    assertEquals(
        List.of(new Parent(0, "p0"), new Parent(1, "p1-new"), new Parent(2, "p2")),
        dao.parents());
    assertEquals(List.of(row(10L, 1L)), rows(db, "SELECT * FROM no_action_children"));
  }

  @Test
  void setNullRunsWhenAParentIsReplaced() {
    dao.insertSetNull(new SetNullChild(10, 1L));
    dao.replace(new Parent(1, "p1-new"));
    assertEquals(List.of(new SetNullChild(10, null)), dao.setNullChildren());
  }

  // SET NULL

  @Test
  void setNullOnDeleteClearsTheChildKey() {
    dao.insertSetNull(new SetNullChild(10, 1L));
    dao.insertSetNull(new SetNullChild(20, 2L));
    assertEquals(1, dao.delete(P1));
    assertEquals(
        List.of(new SetNullChild(10, null), new SetNullChild(20, 2L)), dao.setNullChildren());
  }

  @Test
  void setNullOnUpdateClearsTheChildKey() {
    dao.insertSetNull(new SetNullChild(10, 1L));
    dao.insertSetNull(new SetNullChild(20, 2L));
    assertEquals(1, dao.changeId(1, 5));
    assertEquals(
        List.of(new SetNullChild(10, null), new SetNullChild(20, 2L)), dao.setNullChildren());
  }

  // SET DEFAULT

  @Test
  void setDefaultOnDeleteMovesTheChildToTheDefaultParent() {
    dao.insertSetDefault(new SetDefaultChild(10, 1L));
    dao.insertSetDefault(new SetDefaultChild(20, 2L));
    assertEquals(1, dao.delete(P1));
    assertEquals(
        List.of(row(10L, 0L), row(20L, 2L)),
        rows(db, "SELECT * FROM set_default_children ORDER BY id"));
  }

  @Test
  void setDefaultOnUpdateMovesTheChildToTheDefaultParent() {
    dao.insertSetDefault(new SetDefaultChild(10, 1L));
    assertEquals(1, dao.changeId(1, 5));
    assertEquals(List.of(row(10L, 0L)), rows(db, "SELECT * FROM set_default_children"));
  }

  @Test
  void setDefaultToAMissingParentIsRefusedAndChangesNothing() {
    dao.insertSetDefault(new SetDefaultChild(10, 1L));
    assertEquals(1, dao.delete(new Parent(0, "p0")));
    // The default (0) no longer has a parent: the child would become an orphan.
    assertThrows(ForeignKeyViolationException.class, () -> dao.delete(P1));
    assertEquals(List.of(P1, new Parent(2, "p2")), dao.parents());
    assertEquals(List.of(row(10L, 1L)), rows(db, "SELECT * FROM set_default_children"));
    assertEquals(List.of(), db.checkForeignKeys());
  }

  // CASCADE

  @Test
  void cascadeOnDeleteRemovesTheChildren() {
    dao.insertCascade(new CascadeChild(10, 1L));
    dao.insertCascade(new CascadeChild(11, 1L));
    dao.insertCascade(new CascadeChild(20, 2L));
    assertEquals(1, dao.delete(P1));
    assertEquals(List.of(row(20L, 2L)), rows(db, "SELECT * FROM cascade_children ORDER BY id"));
  }

  @Test
  void cascadeOnUpdateFollowsTheNewKey() {
    dao.insertCascade(new CascadeChild(10, 1L));
    dao.insertCascade(new CascadeChild(20, 2L));
    assertEquals(1, dao.changeId(1, 5));
    assertEquals(
        List.of(row(10L, 5L), row(20L, 2L)),
        rows(db, "SELECT * FROM cascade_children ORDER BY id"));
    assertEquals(
        List.of(new Parent(0, "p0"), new Parent(2, "p2"), new Parent(5, "p1")), dao.parents());
  }

  // A key on a unique column that is not the primary key, changed through @Update.

  @Test
  void cascadeOnUpdateThroughUpdateOfAUniqueKey() {
    dao.insertCode(new CodeChild(10, "p1"));
    assertEquals(1, dao.update(new Parent(1, "p1-renamed")));
    assertEquals(List.of(new CodeChild(10, "p1-renamed")), dao.codeChildren());
  }

  @Test
  void restrictOnAUniqueKeyNamesTheReferencedColumn() {
    dao.insertCode(new CodeChild(10, "p1"));
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> dao.delete(P1));
    assertEquals(
        List.of(
            stillReferenced(
                "fk_code_children_parent_code",
                "code_children",
                List.of("parent_code"),
                "parents",
                List.of("code"),
                "p1")),
        e.violations());
    assertEquals(
        "FOREIGN KEY constraint failed: update or delete on table \"parents\" violates foreign key"
            + " constraint \"fk_code_children_parent_code\" on table \"code_children\": key"
            + " (code)=(p1) is still referenced from table \"code_children\"",
        e.getMessage());
    assertEquals(3, dao.parents().size());
  }

  /** Runs {@code call}, which must fail on parent 1 still referenced from {@code childTable}. */
  private void assertStillReferenced(String childTable, Executable call) {
    String constraint = "fk_" + childTable + "_parent_id";
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class, call);
    assertEquals(
        List.of(
            stillReferenced(
                constraint, childTable, List.of("parent_id"), "parents", List.of("id"), 1L)),
        e.violations());
    assertEquals(
        "FOREIGN KEY constraint failed: update or delete on table \"parents\" violates foreign key"
            + " constraint \""
            + constraint
            + "\" on table \""
            + childTable
            + "\": key (id)=(1) is still referenced from table \""
            + childTable
            + "\"",
        e.getMessage());
    assertEquals(List.of(new Parent(0, "p0"), P1, new Parent(2, "p2")), dao.parents());
  }
}
