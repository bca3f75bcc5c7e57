package keystone.tests.enforcement;

import static keystone.tests.Db.count;
import static keystone.tests.Db.row;
import static keystone.tests.Db.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneException;
import keystone.tests.deferred.Account;
import keystone.tests.deferred.LedgerDatabase;
import keystone.tests.deferred.Note;
import keystone.testing.SqlitePlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Enforcement cannot be switched off, and transactions belong to runInTransaction. */
class EnforcementTest {
  @TempDir Path dir;
  private LedgerDatabase db;

  @BeforeEach
  void open() {
    db = openFile();
  }

  private LedgerDatabase openFile() {
    return SqlitePlatform.installed()
        .builder(LedgerDatabase.class, dir.resolve("enforcement.db")).build();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PRAGMA foreign_keys = OFF",
        "pragma  FOREIGN_KEYS=0",
        "PRAGMA foreign_keys=false",
        "PRAGMA foreign_keys = no",
        "PRAGMA main.foreign_keys = OFF",
        "PRAGMA ignore_check_constraints = ON",
        "PRAGMA writable_schema = 1",
        "PRAGMA legacy_alter_table=ON"
      })
  void switchingEnforcementOffIsRefused(String sql) {
    assertRefusedAsEnforcement(assertThrows(KeystoneException.class, () -> db.execute(sql)));
    assertRefusedAsEnforcement(assertThrows(KeystoneException.class, () -> db.query(sql)));
    db.runInTransaction(
        () -> {
          KeystoneException inside = assertThrows(KeystoneException.class, () -> db.execute(sql));
          assertRefusedAsEnforcement(inside);
        });
    assertEquals(List.of(row(1L)), rows(db, "PRAGMA foreign_keys"));
    assertThrows(
        ForeignKeyViolationException.class, () -> db.ledger().insertNote(new Note(1, 9, "x")));
    assertEquals(0, count(db, "notes"));
  }

  @Test
  void aSwitchHiddenAfterAHarmlessStatementIsRefusedAndNothingRuns() {
    KeystoneException e =
        assertThrows(
            KeystoneException.class,
            () ->
                db.execute(
                    "INSERT INTO accounts (id, name) VALUES (1, 'a'); PRAGMA foreign_keys = OFF;"
                        + " INSERT INTO notes (id, account_id, text) VALUES (1, 99, 'orphan')"));
    assertRefusedAsEnforcement(e);
    assertEquals(0, count(db, "accounts"));
    assertEquals(0, count(db, "notes"));
    assertEquals(List.of(row(1L)), rows(db, "PRAGMA foreign_keys"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "BEGIN",
        "BEGIN IMMEDIATE TRANSACTION",
        "COMMIT",
        "END",
        "ROLLBACK",
        "SAVEPOINT sp1",
        "RELEASE sp1",
        "ROLLBACK TO sp1"
      })
  void transactionControlIsRefused(String sql) {
    KeystoneException e = assertThrows(KeystoneException.class, () -> db.execute(sql));
    assertTrue(e.getMessage().contains("runInTransaction"), e.getMessage());
    db.runInTransaction(
        () -> {
          db.ledger().insertAccount(new Account(1, "a"));
          assertThrows(KeystoneException.class, () -> db.execute(sql));
        });
    // The transaction was neither ended early nor doubled: its work is committed exactly once.
    assertEquals(1, count(db, "accounts"));
  }

  @Test
  void theFileIsInWalModeWithForeignKeysOn() {
    assertEquals(List.of(row("wal")), rows(db, "PRAGMA journal_mode"));
    assertEquals(List.of(row(1L)), rows(db, "PRAGMA foreign_keys"));
  }

  @Test
  void queryReturnsLongDoubleStringBlobAndNull() {
    List<Object[]> result = db.query("SELECT 42, 1.5, 'text', x'00ff7f', NULL, ?", 7L);
    assertEquals(1, result.size());
    Object[] row = result.get(0);
    assertEquals(6, row.length);
    assertEquals(Long.valueOf(42), row[0]);
    assertEquals(Double.valueOf(1.5), row[1]);
    assertEquals("text", row[2]);
    assertArrayEquals(new byte[] {0, (byte) 0xff, 0x7f}, (byte[]) row[3]);
    assertNull(row[4]);
    assertEquals(Long.valueOf(7), row[5]);
  }

  @Test
  void executeReturnsRowsChangedAndBindsArguments() {
    assertEquals(1, db.execute("INSERT INTO accounts (id, name) VALUES (?, ?)", 1L, "a"));
    assertEquals(1, db.execute("INSERT INTO accounts (id, name) VALUES (?, ?)", 2, "b"));
    assertEquals(2, db.execute("UPDATE accounts SET name = upper(name)"));
    assertEquals(
        List.of(row(1L, "A"), row(2L, "B")), rows(db, "SELECT id, name FROM accounts ORDER BY id"));
  }

  @Test
  void ddlThroughExecuteIsAllowedAndStillEnforced() {
    db.execute(
        "CREATE TABLE extras (id INTEGER PRIMARY KEY,"
            + " account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE)");
    assertThrows(
        ForeignKeyViolationException.class,
        () -> db.execute("INSERT INTO extras (id, account_id) VALUES (1, 5)"));
    assertEquals(0, count(db, "extras"));
  }

  @Test
  void closeIsIdempotentAndCommittedDataSurvivesReopening() {
    db.ledger().insertAccount(new Account(1, "kept"));
    db.close();
    db.close();
    db = openFile();
    assertEquals(List.of(new Account(1, "kept")), db.ledger().accounts());
    assertEquals(List.of(row(1L)), rows(db, "PRAGMA foreign_keys"));
  }

  private static void assertRefusedAsEnforcement(KeystoneException e) {
    String message = e.getMessage();
    assertTrue(message.contains("always on"), message);
    assertTrue(message.contains("PRAGMA defer_foreign_keys"), message);
  }
}
