package keystone.tests.deferred;

import static keystone.tests.Db.count;
import static keystone.tests.Db.missingParent;
import static keystone.tests.Db.row;
import static keystone.tests.Db.rows;
import static keystone.tests.Db.stillReferenced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.testing.SqlitePlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema shapes only SQLite has: a parent table dropped under its deferred children, and children
 * declared WITHOUT ROWID, whose rows {@code foreign_key_check} reports with no rowid.
 */
class SqliteSchemaEdgesTest {
  private static final String WITHOUT_ROWID_CHILD =
      "CREATE TABLE stamps (code TEXT NOT NULL, seq INTEGER NOT NULL,"
          + " account_id INTEGER REFERENCES accounts (id), PRIMARY KEY (code, seq)) WITHOUT ROWID";

  @TempDir Path dir;
  private LedgerDatabase db;
  private LedgerDao ledger;

  @BeforeEach
  void open() {
    db = SqlitePlatform.installed()
        .builder(LedgerDatabase.class, dir.resolve("ledger.db")).build();
    ledger = db.ledger();
    ledger.insertAccount(new Account(1, "ada"));
    ledger.insertAccount(new Account(2, "bo"));
    ledger.insertEntry(new Entry(10, 1, 5));
    ledger.insertEntry(new Entry(11, 2, 6));
  }

  @AfterEach
  void close() {
    db.close();
  }

  /**
   * SQLite drops a parent by deleting its rows first, and the rollback brings them back: the
   * refusal reads like PostgreSQL's for a delete, "key (id)=(1) is still referenced".
   */
  private static ForeignKeyViolation entryWithoutAccount(long account) {
    return stillReferenced(
        "fk_entries_account_id", "entries", List.of("account_id"), "accounts", List.of("id"),
        account);
  }

  @Test
  void droppingAParentUnderDeferredChildrenIsRefusedAtCommitAndUndoneWhole() {
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class,
            () -> db.runInTransaction(() -> db.execute("DROP TABLE accounts")));
    assertEquals(List.of(entryWithoutAccount(1L), entryWithoutAccount(2L)), e.violations());
    assertEquals(List.of(row(1L, "ada"), row(2L, "bo")), rows(db, "SELECT * FROM accounts"));
    assertEquals(2, count(db, "entries"));
    assertEquals(List.of(), db.checkForeignKeys());
  }

  @Test
  void droppingAParentOutsideATransactionIsRefusedTheSameWay() {
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> db.execute("DROP TABLE accounts"));
    assertEquals(List.of(entryWithoutAccount(1L), entryWithoutAccount(2L)), e.violations());
    assertEquals(List.of(row(1L, "ada"), row(2L, "bo")), rows(db, "SELECT * FROM accounts"));
    assertEquals(2, count(db, "entries"));
  }

  @Test
  void droppingARawParentReferencedByItsImplicitKeyIsRefusedAtCommit() {
    db.execute(
        "CREATE TABLE p (id INTEGER PRIMARY KEY);"
            + " CREATE TABLE c (id INTEGER PRIMARY KEY,"
            + " p_id INTEGER REFERENCES p DEFERRABLE INITIALLY DEFERRED);"
            + " INSERT INTO p VALUES (1), (2); INSERT INTO c VALUES (10, 1), (11, 2), (12, NULL)");
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class,
            () -> db.runInTransaction(() -> db.execute("DROP TABLE p")));
    assertEquals(List.of(cWithout(1L), cWithout(2L)), e.violations());
    assertEquals(List.of(row(1L), row(2L)), rows(db, "SELECT id FROM p ORDER BY id"));
    assertEquals(3, count(db, "c"));
    db.runInTransaction(
        () -> db.execute("DROP TABLE p; CREATE TABLE p (id INTEGER PRIMARY KEY);"
            + " INSERT INTO p VALUES (1), (2)"));
    assertEquals(List.of(), db.checkForeignKeys());
  }

  private static ForeignKeyViolation cWithout(long p) {
    return stillReferenced("fk_c_p_id", "c", List.of("p_id"), "p", List.of("id"), p);
  }

  @Test
  void switchingDeferralOffWhileTheParentTableIsGoneReportsTheKeysNotPresent() {
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class,
            () ->
                db.runInTransaction(
                    () -> {
                      db.execute("PRAGMA defer_foreign_keys = ON");
                      db.execute("DROP TABLE accounts");
                      db.execute("PRAGMA defer_foreign_keys = OFF");
                    }));
    assertEquals(
        List.of(
            missingParent("fk_entries_account_id", "entries", List.of("account_id"), "accounts",
                List.of("id"), 1L),
            missingParent("fk_entries_account_id", "entries", List.of("account_id"), "accounts",
                List.of("id"), 2L)),
        e.violations());
    assertEquals(2, count(db, "accounts"));
  }

  @Test
  void droppingRecreatingAndRefillingAParentInOneTransactionCommits() {
    db.runInTransaction(
        () -> {
          db.execute("DROP TABLE accounts");
          db.execute("CREATE TABLE accounts (id INTEGER NOT NULL PRIMARY KEY, name TEXT)");
          db.execute("INSERT INTO accounts VALUES (1, 'ada'), (2, 'bo')");
        });
    assertEquals(List.of(row(1L, "ada"), row(2L, "bo")), rows(db, "SELECT * FROM accounts"));
    assertEquals(List.of(), db.checkForeignKeys());
  }

  @Test
  void aRefusedDropThenALaterRecreationCommits() {
    assertThrows(
        ForeignKeyViolationException.class,
        () -> db.runInTransaction(() -> db.execute("DROP TABLE accounts")));
    droppingRecreatingAndRefillingAParentInOneTransactionCommits();
  }

  @Test
  void aWithoutRowidChildIsReportedByItsKeyValues() {
    db.execute(WITHOUT_ROWID_CHILD);
    db.runInTransaction(
        () -> {
          db.deferForeignKeys();
          db.execute("INSERT INTO stamps VALUES ('a', 1, 7), ('b', 2, 1)");
          assertEquals(List.of(stampWithout(7L)), db.checkForeignKeys());
          db.execute("DELETE FROM stamps WHERE code = 'a'");
        });
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class,
            () -> db.execute("INSERT INTO stamps VALUES ('c', 3, 9)"));
    assertEquals(List.of(stampWithout(9L)), e.violations());
    assertEquals(List.of(row("b", 2L, 1L)), rows(db, "SELECT * FROM stamps"));
  }

  @Test
  void aGeneratedDeleteBlockedByAWithoutRowidChildNamesTheParentKey() {
    db.execute(WITHOUT_ROWID_CHILD);
    db.execute("DELETE FROM entries WHERE account_id = 2");
    db.execute("INSERT INTO stamps VALUES ('b', 2, 2)");
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> ledger.deleteAccountById(2));
    assertEquals(
        List.of(
            stillReferenced(
                "fk_stamps_account_id", "stamps", List.of("account_id"), "accounts",
                List.of("id"), 2L)),
        e.violations());
    assertEquals(2, count(db, "accounts"));
  }

  @Test
  void aCommitRefusedForAWithoutRowidChildListsItsKey() {
    db.execute(WITHOUT_ROWID_CHILD);
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class,
            () ->
                db.runInTransaction(
                    () -> {
                      db.deferForeignKeys();
                      db.execute("INSERT INTO stamps VALUES ('a', 1, 7), ('b', 2, 8)");
                    }));
    assertEquals(List.of(stampWithout(7L), stampWithout(8L)), e.violations());
    assertEquals(0, count(db, "stamps"));
  }

  private static ForeignKeyViolation stampWithout(long account) {
    return missingParent(
        "fk_stamps_account_id", "stamps", List.of("account_id"), "accounts", List.of("id"),
        account);
  }
}
