package keystone.tests.deferred;

import static keystone.tests.Db.count;
import static keystone.tests.Db.missingParent;
import static keystone.tests.Db.rows;
import static keystone.tests.Db.row;
import static keystone.tests.Db.stillReferenced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.ForeignKeyViolation;
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
 * A deferred key broken by one statement outside any transaction fails at that statement's own
 * commit. Every path that can end there names each broken key, and leaves the rows as they were.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class DeferredDiagnosisTest {
  private static final ForeignKeyViolation ENTRY_TO_9 = missingEntry(9L);
  private static final ForeignKeyViolation ACCOUNT_1_IN_USE =
      stillReferenced(
          "fk_entries_account_id", "entries", List.of("account_id"), "accounts", List.of("id"), 1L);

  @Parameter TestEngine engine;
  @TempDir Path dir;
  private LedgerDatabase db;
  private LedgerDao ledger;

  private static ForeignKeyViolation missingEntry(long account) {
    return missingParent(
        "fk_entries_account_id", "entries", List.of("account_id"), "accounts", List.of("id"),
        account);
  }

  @BeforeEach
  void open() {
    db = engine.open(LedgerDatabase.class, dir);
    ledger = db.ledger();
    ledger.insertAccount(new Account(1, "ada"));
    ledger.insertEntry(new Entry(1, 1, 5));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void assertRefused(List<ForeignKeyViolation> expected, Executable call) {
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class, call);
    assertEquals(expected, e.violations());
    assertEquals(List.of(row(1L, "ada")), rows(db, "SELECT id, name FROM accounts"));
    assertEquals(List.of(row(1L, 1L, 5L)), rows(db, "SELECT id, account_id, amount FROM entries"));
    assertEquals(List.of(), db.checkForeignKeys());
  }

  @Test
  void generatedInsert() {
    assertRefused(List.of(ENTRY_TO_9), () -> ledger.insertEntry(new Entry(2, 9, 5)));
  }

  @Test
  void generatedBatchInsertNamesEveryBrokenRow() {
    assertRefused(
        List.of(ENTRY_TO_9, missingEntry(8L)),
        () ->
            ledger.insertEntries(
                List.of(new Entry(2, 9, 5), new Entry(3, 1, 6), new Entry(4, 8, 7))));
  }

  @Test
  void generatedInsertReturningTheRowid() {
    assertRefused(List.of(ENTRY_TO_9), () -> ledger.insertEntryReturningRowid(new Entry(2, 9, 5)));
  }

  @Test
  void generatedInsertsReturningRowids() {
    assertRefused(
        List.of(ENTRY_TO_9, missingEntry(8L)),
        () ->
            ledger.insertEntriesReturningRowids(
                List.of(new Entry(2, 9, 5), new Entry(3, 1, 6), new Entry(4, 8, 7))));
  }

  @Test
  void generatedUpsertOnBothPaths() {
    assertRefused(List.of(ENTRY_TO_9), () -> ledger.upsertEntry(new Entry(2, 9, 5)));
    assertRefused(List.of(ENTRY_TO_9), () -> ledger.upsertEntry(new Entry(1, 9, 5)));
  }

  @Test
  void generatedUpdate() {
    assertRefused(List.of(ENTRY_TO_9), () -> ledger.updateEntry(new Entry(1, 9, 5)));
  }

  @Test
  void generatedDeleteOfAReferencedParent() {
    assertRefused(List.of(ACCOUNT_1_IN_USE), () -> ledger.deleteAccount(new Account(1, "ada")));
  }

  @Test
  void queryDml() {
    assertRefused(List.of(ENTRY_TO_9), () -> ledger.moveEntry(1, 9));
    assertRefused(List.of(ACCOUNT_1_IN_USE), () -> ledger.deleteAccountById(1));
  }

  @Test
  void rawExecute() {
    assertRefused(
        List.of(ENTRY_TO_9), () -> db.execute("INSERT INTO entries VALUES (2, 9, 5)"));
    assertRefused(
        List.of(ENTRY_TO_9), () -> db.execute("UPDATE entries SET account_id = ? WHERE id = 1", 9));
    assertRefused(List.of(ACCOUNT_1_IN_USE), () -> db.execute("DELETE FROM accounts"));
  }

  @Test
  void rawExecuteOfSeveralStatements() {
    assertRefused(
        List.of(ENTRY_TO_9),
        () -> db.execute("INSERT INTO accounts VALUES (2, 'bo'); INSERT INTO entries VALUES (2, 9, 5)"));
    assertEquals(1, count(db, "accounts"));
  }
}
