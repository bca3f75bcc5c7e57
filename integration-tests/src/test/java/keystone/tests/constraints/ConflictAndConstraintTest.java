package keystone.tests.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.CheckViolationException;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.NotNullViolationException;
import keystone.engine.UniqueViolationException;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code @Insert} conflict strategies against {@code @Upsert}, and the typed constraint errors. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class ConflictAndConstraintTest {
  private static final Team RED = new Team(1, "red");

  @Parameter TestEngine engine;
  @TempDir Path dir;
  private ConstraintsDatabase db;
  private ConstraintsDao dao;

  @BeforeEach
  void open() {
    db = engine.open(ConstraintsDatabase.class, dir);
    dao = db.dao();
    assertEquals(1, dao.insert(RED));
    dao.insertMember(new Member(10, 1));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void abortOnADuplicatePrimaryKeyNamesTableAndColumn() {
    UniqueViolationException e =
        assertThrows(UniqueViolationException.class, () -> dao.insert(new Team(1, "blue")));
    assertEquals("teams", e.table());
    assertEquals(List.of("id"), e.columns());
    assertEquals(List.of(RED), dao.teams());
  }

  @Test
  void abortOnADuplicateUniqueColumnNamesTableAndColumn() {
    UniqueViolationException e =
        assertThrows(UniqueViolationException.class, () -> dao.insert(new Team(2, "red")));
    assertEquals("teams", e.table());
    assertEquals(List.of("name"), e.columns());
    assertEquals(List.of(RED), dao.teams());
  }

  @Test
  void ignoreReturnsMinusOneAndLeavesTheRowAlone() {
    assertEquals(-1, dao.insertOrIgnore(new Team(1, "blue")));
    assertEquals(List.of(RED), dao.teams());
    assertEquals(2, dao.insertOrIgnore(new Team(2, "blue")));
    assertEquals(List.of(RED, new Team(2, "blue")), dao.teams());
  }

  @Test
  void ignoreNeverSuppressesAForeignKeyError() {
    assertThrows(
        ForeignKeyViolationException.class, () -> dao.insertMemberOrIgnore(new Member(11, 99)));
    assertEquals(List.of(new Member(10, 1)), dao.members());
  }

  @Test
  void replaceDeletesTheOldRowSoCascadeChildrenVanish() {
    assertEquals(1, dao.insertOrReplace(new Team(1, "crimson")));
    assertEquals(List.of(new Team(1, "crimson")), dao.teams());
    assertEquals(List.of(), dao.members());
  }

  @Test
  void replaceDeletesEveryRowItCollidesWithOnAnyUniqueKey() {
    dao.insert(new Team(2, "blue"));
    dao.insertMember(new Member(20, 2));
    // Collides with team 2 on the primary key and with team 1 on the unique name.
    assertEquals(2, dao.insertOrReplace(new Team(2, "red")));
    assertEquals(List.of(new Team(2, "red")), dao.teams());
    assertEquals(List.of(), dao.members());
  }

  @Test
  void replaceWithoutACollisionIsAPlainInsert() {
    assertEquals(2, dao.insertOrReplace(new Team(2, "blue")));
    assertEquals(List.of(RED, new Team(2, "blue")), dao.teams());
    assertEquals(List.of(new Member(10, 1)), dao.members());
  }

  @Test
  void upsertUpdatesInPlaceSoChildrenSurvive() {
    dao.upsert(new Team(1, "crimson"));
    assertEquals(List.of(new Team(1, "crimson")), dao.teams());
    assertEquals(List.of(new Member(10, 1)), dao.members());
    dao.upsert(new Team(2, "blue"));
    assertEquals(List.of(new Team(1, "crimson"), new Team(2, "blue")), dao.teams());
  }

  @Test
  void notNullViolationNamesTableAndColumn() {
    NotNullViolationException e =
        assertThrows(
            NotNullViolationException.class, () -> dao.insertGadget(new Gadget(1, null, 1, 0)));
    assertEquals("gadgets", e.table());
    assertEquals(List.of("name"), e.columns());
    assertEquals(List.of(), dao.gadgets());
  }

  @Test
  void columnCheckViolationNamesTableAndConstraint() {
    CheckViolationException e =
        assertThrows(
            CheckViolationException.class, () -> dao.insertGadget(new Gadget(1, "g", 0, 0)));
    assertEquals("gadgets", e.table());
    assertTrue(e.constraint().contains("quantity"), e.constraint());
    assertEquals(List.of(), dao.gadgets());
  }

  @Test
  void tableCheckViolationNamesTableAndConstraint() {
    CheckViolationException e =
        assertThrows(
            CheckViolationException.class, () -> dao.insertGadget(new Gadget(1, "g", 1, -5)));
    assertEquals("gadgets", e.table());
    assertTrue(e.constraint().contains("price_cents"), e.constraint());
    dao.insertGadget(new Gadget(1, "g", 1, 5));
    assertEquals(List.of(new Gadget(1, "g", 1, 5)), dao.gadgets());
  }
}
