package keystone.tests.atomic;

import static keystone.tests.Db.count;
import static keystone.tests.Db.missingParent;
import static keystone.tests.Db.row;
import static keystone.tests.Db.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneException;
import keystone.testing.TestEngine;
import keystone.tests.deferred.Account;
import keystone.tests.deferred.LedgerDao;
import keystone.tests.deferred.LedgerDatabase;
import keystone.tests.deferred.Note;
import keystone.tests.relations.Customer;
import keystone.tests.relations.GraphDao;
import keystone.tests.relations.GraphDatabase;
import keystone.tests.relations.Item;
import keystone.tests.relations.Product;
import keystone.tests.relations.Purchase;
import keystone.tests.tree.Node;
import keystone.tests.tree.TreeDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every call is atomic; inside a transaction a failed call is undone alone. A batch insert ends as
 * the same insert row by row would, however SQLite runs it: a batch that fits one statement goes
 * out as one multi-row INSERT without a savepoint, a longer one as several inside a savepoint, and
 * tables where a multi-row statement would answer differently (a trigger, a key to itself) keep a
 * statement per row (README, "How a batch insert runs on SQLite").
 */
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

  /**
   * Three columns a note: a batch goes as INSERTs of 333 rows each on SQLite and of 1,000 on
   * PostgreSQL, so 2,500 rows take eight statements on one and three on the other.
   */
  private static final int ROWS = 2_500;

  @Test
  void aLongBatchWithOrphansInTwoOfItsStatementsNamesBothAndLeavesNothing() {
    ForeignKeyViolationException e = assertThrows(
        ForeignKeyViolationException.class, () -> ledger.insertNotes(notes(ROWS, 100, 2_400)));
    assertEquals(everyOrFirst(toAccount(998L), toAccount(999L)), sorted(e.violations()));
    assertEquals(0, count(db, "notes"));
  }

  @Test
  void aBatchOfOneStatementOutsideATransactionNamesEveryOrphanAndLeavesNothing() {
    ForeignKeyViolationException e = assertThrows(
        ForeignKeyViolationException.class, () -> ledger.insertNotes(notes(10, 2, 7)));
    assertEquals(everyOrFirst(toAccount(998L), toAccount(999L)), sorted(e.violations()));
    assertEquals(0, count(db, "notes"));
  }

  @Test
  void aLongBatchThatFailsInsideATransactionIsUndoneAloneAndTheRestCommits() {
    db.runInTransaction(
        () -> {
          ledger.insertNote(new Note(5_000, 1, "before"));
          assertThrows(
              ForeignKeyViolationException.class, () -> ledger.insertNotes(notes(ROWS, 2_400)));
          ledger.insertNote(new Note(5_001, 1, "after"));
        });
    assertEquals(
        List.of(new Note(5_000, 1, "before"), new Note(5_001, 1, "after")), ledger.notes());
  }

  @Test
  void aFailedInsertReturningItsKeyInsideATransactionIsUndoneAloneAndTheTransactionGoesOn() {
    db.runInTransaction(
        () -> {
          assertEquals(1, ledger.insertNoteReturningRowid(new Note(1, 1, "before")));
          ForeignKeyViolationException e = assertThrows(
              ForeignKeyViolationException.class,
              () -> ledger.insertNoteReturningRowid(new Note(2, 999, "orphan")));
          assertEquals(List.of(toAccount(999L)), e.violations());
          assertEquals(3, ledger.insertNoteReturningRowid(new Note(3, 1, "after")));
        });
    assertEquals(List.of(new Note(1, 1, "before"), new Note(3, 1, "after")), ledger.notes());
  }

  /**
   * Generated keys inside a transaction: the insert returning its new id and the batch of rows
   * whose ids the sequence gives each go with their savepoint in one exchange on PostgreSQL.
   * A refused one is undone alone, named, and the transaction goes on.
   */
  @Test
  void failedInsertsOfGeneratedKeysInsideATransactionAreUndoneAloneAndTheTransactionGoesOn(
      @TempDir Path graphDir) {
    GraphDatabase graph = engine.open(GraphDatabase.class, graphDir);
    try {
      GraphDao dao = graph.graph();
      graph.runInTransaction(
          () -> {
            long ada = dao.insert(new Customer(0, "ada"));
            long pen = dao.insert(new Product(0, "pen"));
            long first = dao.insert(new Purchase(0, ada, "first"));
            ForeignKeyViolationException refused = assertThrows(
                ForeignKeyViolationException.class,
                () -> dao.insert(new Purchase(0, 999, "orphan")));
            assertEquals(List.of(missingParent(
                "fk_orders_user_id", "orders", List.of("user_id"), "users", List.of("id"), 999L)),
                refused.violations());
            ForeignKeyViolationException batch = assertThrows(
                ForeignKeyViolationException.class,
                () -> dao.insertItems(List.of(
                    new Item(0, first, pen, 1), new Item(0, first, 998, 2))));
            assertEquals(List.of(missingParent("fk_order_items_product_id", "order_items",
                List.of("product_id"), "products", List.of("id"), 998L)), batch.violations());
            dao.insertItems(List.of(new Item(0, first, pen, 3), new Item(0, first, pen, 4)));
            dao.insert(new Purchase(0, ada, "second"));
          });
      assertEquals(List.of(row("first"), row("second")),
          rows(graph, "SELECT status FROM orders ORDER BY id"));
      assertEquals(List.of(row(3L), row(4L)),
          rows(graph, "SELECT quantity FROM order_items ORDER BY id"));
    } finally {
      graph.close();
    }
  }

  /**
   * A batch that is the first statement of its transaction takes no savepoint on PostgreSQL: its
   * failure rolls back the transaction, which holds nothing else yet, and the next statement
   * opens a new one.
   */
  @Test
  void aFailedBatchFirstInATransactionIsUndoneAloneAndTheTransactionGoesOn() {
    db.runInTransaction(
        () -> {
          ForeignKeyViolationException e = assertThrows(
              ForeignKeyViolationException.class, () -> ledger.insertNotes(notes(10, 9)));
          assertEquals(List.of(toAccount(999L)), e.violations());
          ledger.insertNote(new Note(5_000, 1, "after"));
        });
    assertEquals(List.of(new Note(5_000, 1, "after")), ledger.notes());
  }

  @Test
  void aBatchOfOneStatementThatFailsInsideATransactionIsUndoneAlone() {
    db.runInTransaction(
        () -> {
          ledger.insertNote(new Note(5_000, 1, "before"));
          ForeignKeyViolationException e = assertThrows(
              ForeignKeyViolationException.class, () -> ledger.insertNotes(notes(10, 9)));
          assertEquals(List.of(toAccount(999L)), e.violations());
        });
    assertEquals(List.of(new Note(5_000, 1, "before")), ledger.notes());
  }

  @Test
  void longAndShortBatchesWriteEveryRowInOrder() {
    ledger.insertNotes(notes(ROWS));
    ledger.insertNotes(List.of(new Note(ROWS + 1, 1, "one more")));
    List<Note> notes = ledger.notes();
    assertEquals(ROWS + 1, notes.size());
    assertEquals(new Note(1, 1, "note 0"), notes.get(0));
    assertEquals(new Note(ROWS, 1, "note " + (ROWS - 1)), notes.get(ROWS - 1));
    assertEquals(new Note(ROWS + 1, 1, "one more"), notes.get(ROWS));
  }

  @Test
  void anUpsertBatchWhoseRowsMeetTheSameKeyKeepsTheLastAsRowByRow() {
    ledger.upsertNotes(
        List.of(new Note(1, 1, "first"), new Note(2, 1, "other"), new Note(1, 1, "last")));
    assertEquals(List.of(new Note(1, 1, "last"), new Note(2, 1, "other")), ledger.notes());
  }

  @Test
  void anIgnoringBatchWhoseRowsMeetTheSameKeyKeepsTheFirstAsRowByRow() {
    ledger.insertNote(new Note(3, 1, "there before"));
    ledger.insertNotesIgnoringDuplicates(List.of(
        new Note(1, 1, "first"), new Note(2, 1, "other"), new Note(1, 1, "again"),
        new Note(3, 1, "late")));
    assertEquals(
        List.of(new Note(1, 1, "first"), new Note(2, 1, "other"), new Note(3, 1, "there before")),
        ledger.notes());
  }

  /**
   * A trigger's RAISE(FAIL) keeps what its statement wrote before it
   * (https://www.sqlite.org/lang_createtrigger.html#raise): one multi-row statement would keep the
   * rows ahead of the refused one. The trigger comes after a batch already ran into the table, so
   * the engine must notice the new trigger, not remember the table as it was.
   */
  @Test
  void aTriggerAddedLaterThatFailsOneRowLeavesNoRowOfTheBatch() {
    if (engine == TestEngine.POSTGRES) {
      return;
    }
    ledger.insertNotes(notes(3));
    db.execute("CREATE TRIGGER no_spam BEFORE INSERT ON notes WHEN NEW.text = 'spam'"
        + " BEGIN SELECT RAISE(FAIL, 'no spam'); END");
    List<Note> batch = List.of(
        new Note(10, 1, "fine"), new Note(11, 1, "fine too"), new Note(12, 1, "spam"));
    KeystoneException e = assertThrows(KeystoneException.class, () -> ledger.insertNotes(batch));
    assertTrue(e.getMessage().contains("no spam"), e.getMessage());
    assertEquals(3, count(db, "notes"));
  }

  /**
   * PostgreSQL fires a statement-level trigger once a statement: one INSERT of many rows would
   * fire it once where the rows one by one fire it once each. The trigger comes after a batch
   * already ran into the table, so the engine must notice it.
   */
  @Test
  void aStatementTriggerAddedLaterFiresOnceARowAsRowByRow() {
    if (engine != TestEngine.POSTGRES) {
      return;
    }
    batchOfThreeAfter(
        "CREATE TABLE note_statements (n INTEGER)",
        "CREATE FUNCTION count_note_statement() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN INSERT INTO note_statements VALUES (1); RETURN NULL; END $$",
        "CREATE TRIGGER note_statement AFTER INSERT ON notes FOR EACH STATEMENT"
            + " EXECUTE FUNCTION count_note_statement()");
    assertEquals(3, count(db, "note_statements"));
  }

  /**
   * A rule's UPDATE action joins the rows the INSERT writes, and an UPDATE changes a row once
   * however many rows it joins: over one INSERT of many rows it would count one where the rows
   * one by one count one each.
   */
  @Test
  void aRuleAddedLaterRunsOnceARowAsRowByRow() {
    if (engine != TestEngine.POSTGRES) {
      return;
    }
    batchOfThreeAfter(
        "CREATE TABLE note_counter (n INTEGER)",
        "INSERT INTO note_counter VALUES (0)",
        "CREATE RULE note_count AS ON INSERT TO notes DO ALSO UPDATE note_counter SET n = n + 1");
    assertEquals(List.of(row(3L)), rows(db, "SELECT n FROM note_counter"));
  }

  /**
   * A table made partitioned by hand, as in a database Keystone did not make, with a row-level
   * AFTER trigger on its partition only. In one INSERT of many rows such a trigger fires when the
   * statement ends and each firing sees every row; row by row each sees the rows so far. The
   * engine must look for triggers on the partitions, not only on the table the INSERT names.
   */
  @Test
  void aTriggerOnAPartitionKeepsTheBatchRowByRow() {
    if (engine != TestEngine.POSTGRES) {
      return;
    }
    batchOfThreeAfter(
        "ALTER TABLE notes RENAME TO notes_before",
        "CREATE TABLE notes (LIKE notes_before INCLUDING ALL) PARTITION BY RANGE (id)",
        "CREATE TABLE notes_all PARTITION OF notes DEFAULT",
        "INSERT INTO notes SELECT * FROM notes_before",
        "DROP TABLE notes_before",
        "CREATE TABLE notes_seen (n BIGINT)",
        "CREATE FUNCTION count_notes_seen() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN INSERT INTO notes_seen SELECT count(*) FROM notes; RETURN NULL; END $$",
        "CREATE TRIGGER notes_seen AFTER INSERT ON notes_all FOR EACH ROW"
            + " EXECUTE FUNCTION count_notes_seen()");
    assertEquals(List.of(row(4L), row(5L), row(6L)),
        rows(db, "SELECT n FROM notes_seen ORDER BY n"));
  }

  /**
   * A batch into notes, then {@code sql} (a trigger, a rule: the engine must notice them, not
   * remember the table as the first batch found it), then a batch of three rows, all written.
   */
  private void batchOfThreeAfter(String... sql) {
    ledger.insertNotes(notes(3));
    for (String statement : sql) {
      db.execute(statement);
    }
    ledger.insertNotes(List.of(new Note(10, 1, "a"), new Note(11, 1, "b"), new Note(12, 1, "c")));
    assertEquals(6, count(db, "notes"));
  }

  /**
   * SQLite checks a statement's immediate keys when the statement ends: in one multi-row INSERT a
   * child ahead of its parent would pass. Row by row, as on PostgreSQL, the child is refused.
   */
  @Test
  void aChildAheadOfItsParentInOneBatchIsRefusedAsRowByRow(@TempDir Path treeDir) {
    TreeDatabase trees = engine.open(TreeDatabase.class, treeDir);
    try {
      ForeignKeyViolationException e = assertThrows(
          ForeignKeyViolationException.class,
          () -> trees.tree().insertAll(
              List.of(new Node(1, 2L, "child"), new Node(2, null, "parent"))));
      assertEquals(
          List.of(missingParent(
              "fk_nodes_parent_id", "nodes", List.of("parent_id"), "nodes", List.of("id"), 2L)),
          e.violations());
      assertEquals(0, trees.tree().count());
    } finally {
      trees.close();
    }
  }

  /**
   * Every broken row, as the re-run with the keys deferred names them; with PostgreSQL's keys
   * opened immediate ({@code deferrableKeys(false)}) nothing can defer them, and the row the
   * server refused first is the answer.
   */
  private List<ForeignKeyViolation> everyOrFirst(ForeignKeyViolation... broken) {
    boolean immediate = engine == TestEngine.POSTGRES
        && !Boolean.parseBoolean(System.getProperty(TestEngine.DEFERRABLE_KEYS, "true"));
    return immediate ? List.of(broken[0]) : List.of(broken);
  }

  private static ForeignKeyViolation toAccount(long key) {
    return missingParent(
        "fk_notes_account_id", "notes", List.of("account_id"), "accounts", List.of("id"), key);
  }

  private static List<ForeignKeyViolation> sorted(List<ForeignKeyViolation> violations) {
    List<ForeignKeyViolation> sorted = new ArrayList<>(violations);
    sorted.sort((a, b) -> Long.compare((Long) a.key().get(0), (Long) b.key().get(0)));
    return sorted;
  }

  /** Notes 1..size of account 1; the note at each of {@code orphansAt} names account 999, 998... */
  private static List<Note> notes(int size, int... orphansAt) {
    List<Note> notes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      long account = 1;
      for (int k = 0; k < orphansAt.length; k++) {
        if (orphansAt[k] == i) {
          account = 999 - (orphansAt.length - 1 - k);
        }
      }
      notes.add(new Note(i + 1, account, "note " + i));
    }
    return notes;
  }
}
