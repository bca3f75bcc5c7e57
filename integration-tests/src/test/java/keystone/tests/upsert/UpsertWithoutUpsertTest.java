package keystone.tests.upsert;

import static keystone.tests.Db.missingParent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.UniqueViolationException;
import keystone.engine.sqlite.SqliteConnection;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated upserts give the same answers whether SQLite runs their {@code ON CONFLICT ... DO
 * UPDATE} (3.24+) or Keystone runs them as an INSERT and, on the conflict target's error, an
 * UPDATE (older SQLite, such as Android 9 and 10's 3.22): here with the fallback forced on and off,
 * on the SQLite the test class path installs (sqlite-jdbc, or Android's in the android build).
 */
@ParameterizedClass
@ValueSource(booleans = {false, true})
class UpsertWithoutUpsertTest {
  private static final Account ANN = new Account(1, "ann", 1, null);
  private static final Account BOB = new Account(2, "bob", 1, null);

  @Parameter boolean emulated;
  @TempDir Path dir;
  private final List<String> traced = new ArrayList<>();
  private UpsertDatabase db;
  private UpsertDao dao;

  @BeforeEach
  void open() {
    // Restored, not cleared: a build may run other classes with the fallback forced for all.
    String before = System.setProperty(SqliteConnection.EMULATE_UPSERT, Boolean.toString(emulated));
    try {
      db = TestEngine.SQLITE.builder(UpsertDatabase.class, dir).traceSql(traced::add).build();
    } finally {
      if (before == null) {
        System.clearProperty(SqliteConnection.EMULATE_UPSERT);
      } else {
        System.setProperty(SqliteConnection.EMULATE_UPSERT, before);
      }
    }
    dao = db.dao();
    dao.insert(new Owner(1, "one"));
    dao.insert(new Owner(2, "two"));
    assertEquals(1, dao.upsert(ANN));
    dao.upsertQuietly(BOB);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static ForeignKeyViolation missingOwner(String column, long owner) {
    return missingParent("fk_accounts_" + column, "accounts", List.of(column), "owners",
        List.of("id"), owner);
  }

  private void assertUnchanged() {
    assertEquals(List.of(ANN, BOB), dao.accounts());
    assertEquals(List.of(), dao.follows());
    assertEquals(List.of(), db.checkForeignKeys());
  }

  private void assertRefused(ForeignKeyViolation expected, Executable call) {
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class, call);
    assertEquals(List.of(expected), e.violations());
    String column = expected.childColumns().get(0);
    assertEquals("FOREIGN KEY constraint failed: insert or update on table \"accounts\" violates"
        + " foreign key constraint \"fk_accounts_" + column + "\": key (" + column + ")=(9) is not"
        + " present in table \"owners\"", e.getMessage());
    assertUnchanged();
  }

  private void assertHandleTaken(Executable call) {
    UniqueViolationException e = assertThrows(UniqueViolationException.class, call);
    assertEquals("accounts", e.table());
    assertEquals(List.of("handle"), e.columns());
    assertUnchanged();
  }

  @Test
  void theDaoRunsTheGeneratedUpsertEitherWay() {
    assertTrue(traced.stream().anyMatch(sql -> sql.contains(" ON CONFLICT (id) DO UPDATE")),
        traced.toString());
  }

  @Test
  void upsertInsertsOrUpdatesInPlaceAndReturnsThatRowid() {
    assertEquals(3, dao.upsert(new Account(0, "cy", 2, null)));
    assertEquals(1, dao.upsert(new Account(1, "ann2", 2, 2L)));
    assertEquals(List.of(2L, 4L),
        dao.upsertAll(List.of(new Account(2, "bob2", 1, null), new Account(0, "dee", 1, null))));
    dao.upsertAllQuietly(List.of(new Account(4, "dee2", 2, null), new Account(9, "eve", 1, 1L)));
    assertEquals(List.of(new Account(1, "ann2", 2, 2L), new Account(2, "bob2", 1, null),
        new Account(3, "cy", 2, null), new Account(4, "dee2", 2, null),
        new Account(9, "eve", 1, 1L)), dao.accounts());
  }

  @Test
  void aConflictOnAnotherUniqueColumnIsTheInsertsError() {
    assertHandleTaken(() -> dao.upsert(new Account(3, "ann", 1, null)));
    assertHandleTaken(() -> dao.upsert(new Account(0, "ann", 1, null)));
    assertHandleTaken(() -> dao.upsertQuietly(new Account(3, "bob", 2, null)));
  }

  @Test
  void anUpdateOntoAnotherRowsUniqueValueFails() {
    assertHandleTaken(() -> dao.upsert(new Account(2, "ann", 1, null)));
    assertHandleTaken(() -> dao.upsertQuietly(new Account(1, "bob", 2, null)));
  }

  @Test
  void aKeyBrokenByTheUpdateIsNamedAsByTheInsert() {
    assertRefused(missingOwner("owner_id", 9), () -> dao.upsert(new Account(1, "ann", 9, null)));
    assertRefused(missingOwner("owner_id", 9),
        () -> dao.upsertQuietly(new Account(2, "bob", 9, null)));
    assertRefused(missingOwner("owner_id", 9), () -> dao.upsert(new Account(5, "eve", 9, null)));
  }

  @Test
  void aDeferredKeyBrokenByTheUpdateFailsAtOnceOutsideATransaction() {
    assertRefused(missingOwner("sponsor_id", 9), () -> dao.upsert(new Account(1, "ann", 1, 9L)));
    assertRefused(missingOwner("sponsor_id", 9),
        () -> dao.upsertQuietly(new Account(2, "bob", 1, 9L)));
  }

  @Test
  void aDeferredKeyBrokenByTheUpdateFailsAtCommit() {
    assertRefused(missingOwner("sponsor_id", 9),
        () -> db.runInTransaction(() -> dao.upsert(new Account(1, "ann2", 1, 9L))));
  }

  @Test
  void aDeferredKeyMendedBeforeCommitIsKept() {
    db.runInTransaction(() -> {
      dao.upsert(new Account(1, "ann", 1, 3L));
      dao.insert(new Owner(3, "three"));
    });
    assertEquals(List.of(new Account(1, "ann", 1, 3L), BOB), dao.accounts());
  }

  @Test
  void aFailingBatchLeavesEveryRowAsItWas() {
    assertRefused(missingOwner("owner_id", 9), () -> dao.upsertAll(List.of(
        new Account(1, "ann2", 2, null), new Account(0, "cy", 1, null),
        new Account(2, "bob", 9, null))));
    assertHandleTaken(() -> dao.upsertAllQuietly(List.of(
        new Account(2, "bob2", 2, null), new Account(0, "cy", 1, null),
        new Account(7, "ann", 1, null))));
  }

  @Test
  void aFailedBatchInsideATransactionIsUndoneAndTheTransactionGoesOn() {
    db.runInTransaction(() -> {
      dao.upsert(new Account(1, "ann2", 1, null));
      assertThrows(UniqueViolationException.class, () -> dao.upsertAllQuietly(List.of(
          new Account(2, "bob2", 1, null), new Account(3, "ann2", 1, null))));
    });
    assertEquals(List.of(new Account(1, "ann2", 1, null), BOB), dao.accounts());
  }

  @Test
  void doNothingSkipsAnExistingKeyAndReturnsMinusOne() {
    long first = dao.follow(new Follow(1, 1));
    assertTrue(first > 0, Long.toString(first));
    assertEquals(-1, dao.follow(new Follow(1, 1)));
    dao.followAll(List.of(new Follow(1, 1), new Follow(2, 1), new Follow(2, 1)));
    assertEquals(List.of(new Follow(1, 1), new Follow(2, 1)), dao.follows());
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> dao.follow(new Follow(1, 9)));
    assertEquals(List.of(missingParent("fk_follows_owner_id", "follows", List.of("owner_id"),
        "owners", List.of("id"), 9L)), e.violations());
    assertEquals(List.of(new Follow(1, 1), new Follow(2, 1)), dao.follows());
  }
}
