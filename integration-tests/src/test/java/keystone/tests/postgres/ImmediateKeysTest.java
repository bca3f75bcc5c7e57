package keystone.tests.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import keystone.engine.DeletePlan;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import keystone.engine.KeystoneBuilder;
import keystone.testing.TestEngine;
import keystone.tests.deferred.Account;
import keystone.tests.deferred.Entry;
import keystone.tests.deferred.LedgerDatabase;
import keystone.tests.deferred.Note;
import keystone.tests.relations.Customer;
import keystone.tests.relations.GraphDatabase;
import keystone.tests.relations.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL flavour for engines without DEFERRABLE keys ({@code deferrableKeys(false)},
 * CockroachDB's case), on the embedded PostgreSQL: what differs from the default flavour, each
 * beside the default's own outcome. What does not differ is the behaviour suite's part that the
 * {@code postgres-immediate-keys} execution of this module runs again in this mode.
 */
class ImmediateKeysTest {
  private static final String FOREIGN_KEYS =
      "SELECT count(*) FROM pg_constraint WHERE contype = 'f'"
          + " AND connamespace = current_schema()::regnamespace";

  @TempDir Path dir;

  private <T extends keystone.engine.KeystoneDatabase> T open(Class<T> type, boolean deferrable) {
    KeystoneBuilder<T> builder = TestEngine.POSTGRES.builder(type, dir);
    return builder.deferrableKeys(deferrable).build();
  }

  @Test
  void theSchemaDeclaresNoKeyDeferrable() {
    try (LedgerDatabase db = open(LedgerDatabase.class, false)) {
      assertEquals(3L, db.query(FOREIGN_KEYS).get(0)[0]);
      assertEquals(0L, db.query(FOREIGN_KEYS + " AND condeferrable").get(0)[0]);
    }
    try (LedgerDatabase db = open(LedgerDatabase.class, true)) {
      assertEquals(3L, db.query(FOREIGN_KEYS + " AND condeferrable").get(0)[0]);
      assertEquals(2L, db.query(FOREIGN_KEYS + " AND condeferred").get(0)[0]);
    }
  }

  @Test
  void deferForeignKeysFailsSayingWhyAndTheTransactionRollsBack() {
    try (LedgerDatabase db = open(LedgerDatabase.class, false)) {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
          () -> db.runInTransaction(() -> {
            db.ledger().insertAccount(new Account(1, "ada"));
            db.deferForeignKeys();
          }));
      assertEquals("deferForeignKeys() needs DEFERRABLE foreign keys, and this database was"
          + " opened with deferrableKeys(false) (for engines such as CockroachDB that refuse"
          + " DEFERRABLE constraints), so every key is checked at the end of its statement:"
          + " write parents before their children instead", e.getMessage());
      assertEquals(List.of(), db.ledger().accounts());
    }
  }

  @Test
  void rawDeferralIsRefusedTheSameWay() {
    try (LedgerDatabase db = open(LedgerDatabase.class, false)) {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
          () -> db.runInTransaction(() -> db.execute("SET CONSTRAINTS ALL DEFERRED")));
      assertTrue(e.getMessage().startsWith("deferForeignKeys() needs DEFERRABLE foreign keys"));
      UnsupportedOperationException pragma = assertThrows(UnsupportedOperationException.class,
          () -> db.runInTransaction(() -> db.execute("PRAGMA defer_foreign_keys = ON")));
      assertEquals(e.getMessage(), pragma.getMessage());
      // Switching deferral off is harmless: every key is immediate already.
      db.runInTransaction(() -> db.execute("SET CONSTRAINTS ALL IMMEDIATE"));
    }
  }

  @Test
  void aKeyDeclaredDeferredIsCheckedAtOnce() {
    try (LedgerDatabase db = open(LedgerDatabase.class, true)) {
      db.runInTransaction(() -> {
        db.ledger().insertEntry(new Entry(1, 7, 100)); // an orphan until the commit
        db.ledger().insertAccount(new Account(7, "ada"));
      });
      assertEquals(1, db.ledger().entries().size());
    }
    try (LedgerDatabase db = open(LedgerDatabase.class, false)) {
      ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
          () -> db.runInTransaction(() -> {
            db.ledger().insertEntry(new Entry(1, 7, 100));
            db.ledger().insertAccount(new Account(7, "ada"));
          }));
      assertEquals("fk_entries_account_id", e.violations().get(0).constraint());
      assertEquals(List.of(), db.ledger().entries());
      assertEquals(List.of(), db.ledger().accounts());
    }
  }

  @Test
  void aWriteBreakingTwoKeysNamesTheFirstOnly() {
    try (GraphDatabase db = open(GraphDatabase.class, true)) {
      ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
          () -> db.graph().insert(new Item(0, 41, 42, 1)));
      assertEquals(List.of("fk_order_items_order_id", "fk_order_items_product_id"),
          constraints(e.violations()));
    }
    try (GraphDatabase db = open(GraphDatabase.class, false)) {
      ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
          () -> db.graph().insert(new Item(0, 41, 42, 1)));
      assertEquals(1, e.violations().size());
      assertTrue(e.violations().get(0).constraint().startsWith("fk_order_items_"));
      assertEquals(0L, db.query("SELECT count(*) FROM order_items").get(0)[0]);
    }
  }

  @Test
  void aDeleteANoActionKeyBlocksPreviewsWithoutCounts() {
    try (LedgerDatabase db = open(LedgerDatabase.class, true)) {
      noteOnAccount(db);
      DeletePlan plan = db.previewDelete(Account.class, 1L);
      assertEquals(Map.of("accounts", 1), plan.deleted());
      assertEquals(List.of("fk_notes_account_id"), constraints(plan.blockedBy()));
    }
    try (LedgerDatabase db = open(LedgerDatabase.class, false)) {
      noteOnAccount(db);
      DeletePlan plan = db.previewDelete(Account.class, 1L);
      assertEquals(Map.of(), plan.deleted());
      assertEquals(List.of("fk_notes_account_id"), constraints(plan.blockedBy()));
      assertEquals(1, db.ledger().accounts().size());
    }
  }

  @Test
  void sqliteRefusesTheOption() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Keystone.builder(GraphDatabase.class).inMemory().deferrableKeys(false).build());
    assertTrue(e.getMessage().startsWith("deferrableKeys(false) is for PostgreSQL-protocol"));
  }

  @Test
  void cascadesStillRunInOneStatement() {
    try (GraphDatabase db = open(GraphDatabase.class, false)) {
      long ada = db.graph().insert(new Customer(0, "Ada"));
      db.execute("INSERT INTO orders (user_id, status) VALUES (?, 'new'), (?, 'paid')", ada, ada);
      assertEquals(1, db.graph().deleteCustomer(ada));
      assertEquals(0L, db.query("SELECT count(*) FROM orders").get(0)[0]);
    }
  }

  private static void noteOnAccount(LedgerDatabase db) {
    db.ledger().insertAccount(new Account(1, "ada"));
    db.ledger().insertNote(new Note(1, 1, "hello"));
  }

  private static List<String> constraints(List<ForeignKeyViolation> violations) {
    return violations.stream().map(ForeignKeyViolation::constraint).sorted().toList();
  }
}
