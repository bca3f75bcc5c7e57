package keystone.tests.postgres;

import static keystone.tests.Db.count;
import static keystone.tests.Db.row;
import static keystone.tests.Db.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneException;
import keystone.testing.TestEngine;
import keystone.tests.deferred.Account;
import keystone.tests.deferred.LedgerDatabase;
import keystone.tests.deferred.Note;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostgreSQL's routes around foreign keys, refused as SQLite's pragmas are: by their text where
 * it shows them, and by checking the session and the catalog after each raw statement where it
 * does not (a DO block building the statement from pieces). Either way nothing of the statement
 * stays, and the keys hold for the next call on the same pooled connection.
 */
class PostgresEnforcementTest {
  @TempDir Path dir;
  private LedgerDatabase db;

  @BeforeEach
  void open() {
    db = TestEngine.POSTGRES.builder(LedgerDatabase.class, dir).readers(0).build();
    db.ledger().insertAccount(new Account(1, "main"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SET session_replication_role = replica",
        "set SESSION session_replication_role TO 'replica'",
        "SET LOCAL session_replication_role = replica",
        "SELECT set_config('session_replication_role', 'replica', false)",
        "UPDATE pg_settings SET setting = 'replica' WHERE name = 'session_replication_role'",
        "ALTER ROLE CURRENT_USER SET session_replication_role = replica",
        "ALTER TABLE notes DISABLE TRIGGER ALL",
        "alter table notes disable trigger all",
        "ALTER TABLE accounts ENABLE REPLICA TRIGGER ALL",
        "DO $$ BEGIN EXECUTE 'SET session_' || 'replication_role = replica'; END $$",
        "DO $$ BEGIN EXECUTE 'ALTER TABLE notes DISABLE ' || 'TRIGGER ALL'; END $$",
        "DO $$ BEGIN PERFORM set_config('session_' || 'replication_role', 'replica', false); END $$"
      })
  void everyRouteAroundTheKeysIsRefusedAndLeavesNothing(String sql) {
    assertRefused(assertThrows(KeystoneException.class, () -> db.execute(sql)));
    assertRefused(assertThrows(KeystoneException.class, () -> db.query(sql)));
    db.runInTransaction(() -> assertRefused(assertThrows(KeystoneException.class,
        () -> db.execute(sql))));
    assertKeysHold();
  }

  @Test
  void aFunctionCalledFromASelectCannotSwitchTheKeysOff() {
    db.execute("CREATE FUNCTION keystone_test_off() RETURNS text LANGUAGE plpgsql AS $$"
        + " BEGIN EXECUTE 'SET session_' || 'replication_role = replica'; RETURN 'off'; END $$");
    assertRefused(
        assertThrows(KeystoneException.class, () -> db.query("SELECT keystone_test_off()")));
    assertKeysHold();
  }

  @Test
  void dollarQuotedBodiesAndEscapeStringsKeepTheirSemicolons() {
    db.execute("DO $body$ BEGIN INSERT INTO notes (id, account_id, text) VALUES (1, 1, 'a;b');"
        + " INSERT INTO notes (id, account_id, text) VALUES (2, 1, E'it\\'s; fine'); END $body$;"
        + " INSERT INTO notes (id, account_id, text) VALUES (3, 1, $$c;d$$)");
    assertEquals(List.of(row(1L, "a;b"), row(2L, "it's; fine"), row(3L, "c;d")),
        rows(db, "SELECT id, text FROM notes ORDER BY id"));
  }

  private void assertKeysHold() {
    // Spelled in pieces: the setting's name alone is refused.
    assertEquals(List.of(row("origin")),
        rows(db, "SELECT current_setting('session_' || 'replication_role')"));
    assertThrows(
        ForeignKeyViolationException.class, () -> db.ledger().insertNote(new Note(1, 9, "x")));
    assertEquals(0, count(db, "notes"));
    assertEquals(List.of(), db.query("SELECT tgname FROM pg_trigger WHERE tgenabled <> 'O'"));
  }

  private static void assertRefused(KeystoneException e) {
    assertTrue(e.getMessage().contains("always on"), e.getMessage());
  }
}
