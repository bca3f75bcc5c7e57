package keystone.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import keystone.engine.Keystone;
import keystone.engine.KeystoneException;
import keystone.testing.SqlitePlatform;
import keystone.testing.TestEngine;
import keystone.testing.TestPostgres;
import keystone.tests.deferred.Account;
import keystone.tests.deferred.LedgerDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code close()} rolls back what is open, and a second close does nothing (README). */
@ParameterizedClass
@EnumSource(TestEngine.class)
class CloseTest {
  @Parameter TestEngine engine;
  @TempDir Path dir;

  /** Opens the same database each time, so that a second open sees what the first left. */
  private Supplier<LedgerDatabase> sameDatabase() {
    if (engine == TestEngine.SQLITE) {
      Path file = dir.resolve("ledger.db");
      return () -> SqlitePlatform.installed().builder(LedgerDatabase.class, file).build();
    }
    String url = TestPostgres.freshDatabase();
    return () -> Keystone.builder(LedgerDatabase.class).postgres(url).build();
  }

  @Test
  void closeInsideATransactionRollsItBack() {
    Supplier<LedgerDatabase> open = sameDatabase();
    try (LedgerDatabase db = open.get()) {
      db.ledger().insertAccount(new Account(1, "kept"));
      assertThrows(KeystoneException.class, () -> db.runInTransaction(() -> {
        db.ledger().insertAccount(new Account(2, "written, then closed over"));
        db.close();
        // The body goes on after close: nothing more reaches the database.
        db.ledger().insertAccount(new Account(3, "after close"));
      }));
    }
    try (LedgerDatabase db = open.get()) {
      assertEquals(List.of(new Account(1, "kept")), db.ledger().accounts());
    }
  }

  @Test
  void closeIsIdempotentAndACallAfterItFails() {
    LedgerDatabase db = sameDatabase().get();
    db.close();
    db.close();
    KeystoneException e =
        assertThrows(KeystoneException.class, () -> db.ledger().accounts());
    assertEquals("The database is closed", e.getMessage());
  }
}
