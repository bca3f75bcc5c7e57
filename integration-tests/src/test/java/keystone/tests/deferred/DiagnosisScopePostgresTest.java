package keystone.tests.deferred;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import keystone.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * The typed error costs what the failed write touched, not what the database holds: naming the
 * keys of a refused insert checks the keys of the table it writes, not every key of the schema.
 * Counted with PostgreSQL's per-transaction table statistics
 * (https://www.postgresql.org/docs/current/monitoring-stats.html, pg_stat_xact_user_tables),
 * which see the diagnosis's scans inside the caller's transaction. SQLite has no such counters;
 * its diagnosis reads the same {@code WrittenTables}.
 */
class DiagnosisScopePostgresTest {
  @Test
  void aRefusedInsertIsDiagnosedFromTheKeysOfItsOwnTableOnly() {
    try (LedgerDatabase db = Keystone.builder(LedgerDatabase.class)
        .postgres(TestPostgres.freshDatabase()).build()) {
      LedgerDao ledger = db.ledger();
      ledger.insertAccount(new Account(1, "main"));
      db.runInTransaction(
          () -> {
            long others = scans(db, "entries") + scans(db, "holds");
            long written = scans(db, "notes");
            ForeignKeyViolationException e = assertThrows(
                ForeignKeyViolationException.class,
                () -> ledger.insertNote(new Note(1, 9, "to no account")));
            assertEquals(1, e.violations().size());
            assertEquals("fk_notes_account_id", e.violations().get(0).constraint());
            assertTrue(scans(db, "notes") > written, "the diagnosis checks the written table");
            assertEquals(others, scans(db, "entries") + scans(db, "holds"),
                "the diagnosis left the tables the insert cannot break alone");
          });
    }
  }

  private static long scans(LedgerDatabase db, String table) {
    Object[] row = db.query("SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0)"
        + " FROM pg_stat_xact_user_tables WHERE relname = ?", table).get(0);
    return ((Number) row[0]).longValue();
  }
}
