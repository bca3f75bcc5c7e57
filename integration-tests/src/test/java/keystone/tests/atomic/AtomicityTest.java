package keystone.tests.atomic;

import static keystone.tests.Db.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import keystone.engine.ForeignKeyViolationException;
import keystone.testing.TestEngine;
import keystone.tests.deferred.Account;
import keystone.tests.deferred.LedgerDao;
import keystone.tests.deferred.LedgerDatabase;
import keystone.tests.deferred.Note;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Every call is atomic; inside a transaction a failed call is undone alone. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class AtomicityTest {
  @Parameter TestEngine engine;
  @TempDir Path dir;
  private LedgerDatabase db;
  private LedgerDao ledger;

  @BeforeEach
  void open() {
    db = engine.open(LedgerDatabase.class, dir);
    ledger = db.ledger();
    ledger.insertAccount(new Account(1, "main"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aBatchWithOneOrphanInTheMiddleLeavesNothing() {
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> ledger.insertNotes(notes(100, 50)));
    assertEquals(1, e.violations().size());
    assertEquals(List.of(999L), e.violations().get(0).key());
    assertEquals(0, count(db, "notes"));
  }

  @Test
  void aBatchInsideATransactionFailsAloneAndTheTransactionCommitsTheRest() {
    db.runInTransaction(
        () -> {
          ledger.insertAccount(new Account(2, "second"));
          assertThrows(
              ForeignKeyViolationException.class, () -> ledger.insertNotes(notes(100, 50)));
          ledger.insertNote(new Note(500, 2, "kept"));
        });
    assertEquals(List.of(new Account(1, "main"), new Account(2, "second")), ledger.accounts());
    assertEquals(List.of(new Note(500, 2, "kept")), ledger.notes());
  }

  @Test
  void aFailedCallInsideATransactionIsUndoneAlone() {
    db.runInTransaction(
        () -> {
          ledger.insertNote(new Note(1, 1, "before"));
          assertThrows(
              ForeignKeyViolationException.class, () -> ledger.insertNote(new Note(2, 9, "bad")));
          ledger.insertNote(new Note(3, 1, "after"));
        });
    assertEquals(List.of(new Note(1, 1, "before"), new Note(3, 1, "after")), ledger.notes());
  }

  @Test
  void aNestedTransactionThatThrowsRollsBackOnlyItsOwnWork() {
    IllegalStateException inner = new IllegalStateException("inner");
    db.runInTransaction(
        () -> {
          ledger.insertAccount(new Account(2, "outer before"));
          IllegalStateException thrown =
              assertThrows(
                  IllegalStateException.class,
                  () ->
                      db.runInTransaction(
                          () -> {
                            ledger.insertAccount(new Account(3, "inner"));
                            throw inner;
                          }));
          assertSame(inner, thrown);
          ledger.insertAccount(new Account(4, "outer after"));
        });
    assertEquals(
        List.of(
            new Account(1, "main"), new Account(2, "outer before"), new Account(4, "outer after")),
        ledger.accounts());
  }

  @Test
  void anExceptionOutOfTheOuterTransactionRollsEverythingBack() {
    RuntimeException boom = new RuntimeException("boom");
    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () ->
                db.runInTransaction(
                    () -> {
                      ledger.insertAccount(new Account(2, "gone"));
                      db.runInTransaction(() -> ledger.insertAccount(new Account(3, "gone too")));
                      throw boom;
                    }));
    assertSame(boom, thrown);
    assertEquals(List.of(new Account(1, "main")), ledger.accounts());
  }

  @Test
  void callInTransactionReturnsTheBodysResult() {
    long notes =
        db.callInTransaction(
            () -> {
              ledger.insertNotes(notes(10, -1));
              return count(db, "notes");
            });
    assertEquals(10, notes);
  }

  @Test
  void aTransactionMethodIsAllOrNothing() {
    List<Note> withOrphan = List.of(new Note(1, 7, "ok"), new Note(2, 99, "orphan"));
    assertThrows(
        ForeignKeyViolationException.class,
        () -> ledger.openWithNotes(new Account(7, "new"), withOrphan));
    assertEquals(List.of(new Account(1, "main")), ledger.accounts());
    assertEquals(0, count(db, "notes"));

    ledger.openWithNotes(new Account(7, "new"), List.of(new Note(1, 7, "ok")));
    assertEquals(List.of(new Note(1, 7, "ok")), ledger.notes());
  }

  @Test
  void aMultiStatementExecuteIsOneAtomicCall() {
    assertThrows(
        ForeignKeyViolationException.class,
        () ->
            db.execute(
                "INSERT INTO accounts (id, name) VALUES (2, 'b');"
                    + " INSERT INTO notes (id, account_id, text) VALUES (1, 2, 'ok');"
                    + " INSERT INTO notes (id, account_id, text) VALUES (2, 99, 'orphan')"));
    assertEquals(List.of(new Account(1, "main")), ledger.accounts());
    assertEquals(0, count(db, "notes"));
  }

  /** {@code size} notes of account 1, the one at {@code orphanAt} pointing at account 999. */
  private static List<Note> notes(int size, int orphanAt) {
    List<Note> notes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      notes.add(new Note(i + 1, i == orphanAt ? 999 : 1, "note " + i));
    }
    return notes;
  }
}
