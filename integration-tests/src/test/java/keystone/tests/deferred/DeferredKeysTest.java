package keystone.tests.deferred;

import static keystone.tests.Db.count;
import static keystone.tests.Db.missingParent;
import static keystone.tests.Db.stillReferenced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * When keys are checked: immediate keys at each statement, deferred ones (and every key after
 * {@code deferForeignKeys()}) at commit, RESTRICT always at once.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class DeferredKeysTest {
  private static final ForeignKeyViolation NOTE_TO_8 = missing("notes", 8L);
  private static final ForeignKeyViolation ENTRY_TO_9 = missing("entries", 9L);
  private static final ForeignKeyViolation HOLD_ON_1 =
      stillReferenced(
          "fk_holds_account_id", "holds", List.of("account_id"), "accounts", List.of("id"), 1L);

  @Parameter TestEngine engine;
  @TempDir Path dir;
  private LedgerDatabase db;
  private LedgerDao ledger;

  @BeforeEach
  void open() {
    db = engine.open(LedgerDatabase.class, dir);
    ledger = db.ledger();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aDeferredKeyOutsideATransactionBehavesImmediate() {
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class, () -> ledger.insertEntry(new Entry(1, 9, 5)));
    assertEquals(List.of(ENTRY_TO_9), e.violations());
    assertEquals(
        "FOREIGN KEY constraint failed: insert or update on table \"entries\" violates foreign key"
            + " constraint \"fk_entries_account_id\": key (account_id)=(9) is not present in table"
            + " \"accounts\"",
        e.getMessage());
    assertEquals(0, count(db, "entries"));
  }

  @Test
  void aDeferredKeyInsideATransactionWaitsForTheCommit() {
    db.runInTransaction(
        () -> {
          ledger.insertEntry(new Entry(1, 9, 5));
          assertEquals(List.of(ENTRY_TO_9), db.checkForeignKeys());
          ledger.insertAccount(new Account(9, "late"));
          assertEquals(List.of(), db.checkForeignKeys());
        });
    assertEquals(List.of(new Entry(1, 9, 5)), ledger.entries());
    assertEquals(List.of(new Account(9, "late")), ledger.accounts());
  }

  @Test
  void aDeferredKeyStillBrokenAtCommitRollsTheTransactionBack() {
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class,
            () ->
                db.runInTransaction(
                    () -> {
                      ledger.insertAccount(new Account(1, "kept?"));
                      ledger.insertEntry(new Entry(1, 9, 5));
                    }));
    assertEquals(List.of(ENTRY_TO_9), e.violations());
    assertEquals(List.of(), ledger.accounts());
    assertEquals(List.of(), ledger.entries());
  }

  @Test
  void anImmediateKeyInsideATransactionFailsAtOnceAndTheTransactionGoesOn() {
    db.runInTransaction(
        () -> {
          ForeignKeyViolationException e =
              assertThrows(
                  ForeignKeyViolationException.class, () -> ledger.insertNote(new Note(1, 8, "x")));
          assertEquals(List.of(NOTE_TO_8), e.violations());
          ledger.insertAccount(new Account(8, "a"));
          ledger.insertNote(new Note(2, 8, "y"));
        });
    assertEquals(List.of(new Note(2, 8, "y")), ledger.notes());
  }

  @Test
  void deferForeignKeysLetsAnImmediateKeyWaitForTheCommit() {
    db.runInTransaction(
        () -> {
          db.deferForeignKeys();
          ledger.insertNote(new Note(1, 8, "child first"));
          assertEquals(List.of(NOTE_TO_8), db.checkForeignKeys());
          ledger.insertAccount(new Account(8, "parent second"));
        });
    assertEquals(List.of(new Note(1, 8, "child first")), ledger.notes());
    assertEquals(List.of(), db.checkForeignKeys());
  }

  @Test
  void deferForeignKeysOutsideATransactionThrows() {
    assertThrows(IllegalStateException.class, () -> db.deferForeignKeys());
  }

  @Test
  void deferralEndsWithTheTransaction() {
    db.runInTransaction(db::deferForeignKeys);
    db.runInTransaction(
        () ->
            assertThrows(
                ForeignKeyViolationException.class, () -> ledger.insertNote(new Note(1, 8, "x"))));
    assertEquals(0, count(db, "notes"));
  }

  @Test
  void restrictOnADeferredKeyFailsAtOnceInsideATransaction() {
    ledger.insertAccount(new Account(1, "held"));
    ledger.insertHold(new Hold(1, 1));
    db.runInTransaction(
        () -> {
          ForeignKeyViolationException e =
              assertThrows(
                  ForeignKeyViolationException.class, () -> ledger.deleteAccountById(1));
          assertEquals(List.of(HOLD_ON_1), e.violations());
          // Failing at once means the account is still here inside the transaction.
          assertEquals(List.of(new Account(1, "held")), ledger.accounts());
        });
    assertEquals(List.of(new Account(1, "held")), ledger.accounts());
    assertEquals(List.of(new Hold(1, 1)), ledger.holds());
  }

  @Test
  void restrictFailsAtOnceEvenAfterDeferForeignKeys() {
    // SQLite itself skips RESTRICT while PRAGMA defer_foreign_keys is on (it falls back to a
    // check at commit); Keystone promises RESTRICT is never deferred.
    ledger.insertAccount(new Account(1, "held"));
    ledger.insertHold(new Hold(1, 1));
    db.runInTransaction(
        () -> {
          db.deferForeignKeys();
          ForeignKeyViolationException e =
              assertThrows(
                  ForeignKeyViolationException.class, () -> ledger.deleteAccountById(1));
          assertEquals(List.of(HOLD_ON_1), e.violations());
          assertEquals(List.of(new Account(1, "held")), ledger.accounts());
        });
    assertEquals(List.of(new Account(1, "held")), ledger.accounts());
    assertEquals(List.of(new Hold(1, 1)), ledger.holds());
  }

  @Test
  void aRestrictFailureAfterDeferForeignKeysIsUndoneAloneAndTheTransactionGoesOn() {
    ledger.insertAccount(new Account(1, "held"));
    ledger.insertHold(new Hold(1, 1));
    db.runInTransaction(
        () -> {
          db.deferForeignKeys();
          assertThrows(ForeignKeyViolationException.class, () -> ledger.deleteAccountById(1));
          ledger.insertNote(new Note(1, 1, "the transaction goes on"));
        });
    assertEquals(List.of(new Account(1, "held")), ledger.accounts());
    assertEquals(List.of(new Note(1, 1, "the transaction goes on")), ledger.notes());
  }

  @Test
  void noActionIsSatisfiedWhenTheParentComesBackBeforeCommit() {
    ledger.insertAccount(new Account(1, "old"));
    ledger.insertEntry(new Entry(1, 1, 5));
    ledger.insertNote(new Note(1, 1, "n"));
    db.runInTransaction(
        () -> {
          // entries.account_id is deferred; notes.account_id is immediate, so defer it too.
          db.deferForeignKeys();
          assertEquals(1, ledger.deleteAccountById(1));
          ledger.insertAccount(new Account(1, "new"));
        });
    assertEquals(List.of(new Account(1, "new")), ledger.accounts());
    assertEquals(List.of(new Entry(1, 1, 5)), ledger.entries());
    assertEquals(List.of(new Note(1, 1, "n")), ledger.notes());
  }

  @Test
  void aDeferredNoActionKeyAloneAllowsReplacingTheParent() {
    ledger.insertAccount(new Account(1, "old"));
    ledger.insertEntry(new Entry(1, 1, 5));
    db.runInTransaction(
        () -> {
          assertEquals(1, ledger.deleteAccountById(1));
          ledger.insertAccount(new Account(1, "new"));
        });
    assertEquals(List.of(new Account(1, "new")), ledger.accounts());
    assertEquals(List.of(new Entry(1, 1, 5)), ledger.entries());
  }

  @Test
  void aCommitWithDeferredViolationsRollsBackEverythingAndListsThemAll() {
    ledger.insertAccount(new Account(1, "before"));
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class,
            () ->
                db.runInTransaction(
                    () -> {
                      ledger.insertAccount(new Account(2, "inside"));
                      db.deferForeignKeys();
                      ledger.insertNote(new Note(1, 8, "orphan"));
                      ledger.insertEntry(new Entry(1, 9, 5));
                      ledger.insertNote(new Note(2, 2, "fine"));
                    }));
    assertEquals(Set.of(NOTE_TO_8, ENTRY_TO_9), new HashSet<>(e.violations()));
    assertEquals(2, e.violations().size());
    assertTrue(
        e.getMessage().startsWith("FOREIGN KEY constraint failed: "), e.getMessage());
    assertEquals(List.of(new Account(1, "before")), ledger.accounts());
    assertEquals(List.of(), ledger.notes());
    assertEquals(List.of(), ledger.entries());
    assertEquals(List.of(), db.checkForeignKeys());
  }

  @Test
  void checkForeignKeysListsOrphansBeforeCommit() {
    assertEquals(List.of(), db.checkForeignKeys());
    db.runInTransaction(
        () -> {
          db.deferForeignKeys();
          ledger.insertNote(new Note(1, 8, "orphan"));
          ledger.insertEntry(new Entry(1, 9, 5));
          assertEquals(Set.of(NOTE_TO_8, ENTRY_TO_9), new HashSet<>(db.checkForeignKeys()));
          ledger.insertAccount(new Account(8, "a"));
          assertEquals(List.of(ENTRY_TO_9), db.checkForeignKeys());
          ledger.insertAccount(new Account(9, "b"));
          assertEquals(List.of(), db.checkForeignKeys());
        });
    assertEquals(2, ledger.accounts().size());
  }

  @Test
  void pragmaDeferForeignKeysOnThroughExecuteBehavesLikeDeferForeignKeys() {
    db.runInTransaction(
        () -> {
          db.execute("PRAGMA defer_foreign_keys = ON");
          ledger.insertNote(new Note(1, 3, "child first"));
          ledger.insertAccount(new Account(3, "parent second"));
        });
    assertEquals(List.of(new Note(1, 3, "child first")), ledger.notes());
  }

  @Test
  void pragmaDeferForeignKeysOffWithAnOutstandingOrphanThrowsInsteadOfLettingItIn() {
    // SQLite forgets deferred violations when the pragma goes OFF; the engine must not.
    assertThrows(
        ForeignKeyViolationException.class,
        () ->
            db.runInTransaction(
                () -> {
                  db.execute("PRAGMA defer_foreign_keys = ON");
                  ledger.insertNote(new Note(1, 4, "orphan"));
                  assertThrows(
                      ForeignKeyViolationException.class,
                      () -> db.execute("PRAGMA defer_foreign_keys = OFF"));
                }));
    assertEquals(List.of(), ledger.notes());
    assertEquals(List.of(), db.checkForeignKeys());
  }

  @Test
  void pragmaDeferForeignKeysOffWithNothingOutstandingIsAllowed() {
    db.runInTransaction(
        () -> {
          db.execute("PRAGMA defer_foreign_keys = ON");
          ledger.insertNote(new Note(1, 4, "child first"));
          ledger.insertAccount(new Account(4, "parent"));
          db.execute("PRAGMA defer_foreign_keys = OFF");
          // Immediate again: a new orphan fails at once.
          assertThrows(
              ForeignKeyViolationException.class, () -> ledger.insertNote(new Note(2, 5, "x")));
        });
    assertEquals(List.of(new Note(1, 4, "child first")), ledger.notes());
  }

  private static ForeignKeyViolation missing(String childTable, long accountId) {
    return missingParent(
        "fk_" + childTable + "_account_id",
        childTable,
        List.of("account_id"),
        "accounts",
        List.of("id"),
        accountId);
  }
}
