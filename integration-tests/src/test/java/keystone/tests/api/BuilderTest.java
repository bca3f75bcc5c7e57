package keystone.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import keystone.engine.KeystoneBuilder;
import keystone.engine.Migration;
import keystone.testing.TestPostgres;
import keystone.tests.deferred.Account;
import keystone.tests.deferred.LedgerDatabase;
import keystone.tests.deferred.Note;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Keystone.inMemory} and the builder's seal, as the README and their Javadoc promise. */
class BuilderTest {
  private static final String SEALED = "This builder has already opened its database";

  @TempDir Path dir;

  @Test
  void inMemoryIsPrivateEnforcedAndGoneWhenClosed() {
    try (LedgerDatabase a = Keystone.inMemory(LedgerDatabase.class);
        LedgerDatabase b = Keystone.inMemory(LedgerDatabase.class)) {
      a.ledger().insertAccount(new Account(1, "ada"));
      assertEquals(List.of(new Account(1, "ada")), a.ledger().accounts());
      assertEquals(List.of(), b.ledger().accounts(), "each in-memory database is its own");
      assertThrows(ForeignKeyViolationException.class,
          () -> a.ledger().insertNote(new Note(1, 99, "orphan")));
      assertEquals(List.of(), a.ledger().notes());
      assertEquals(1L, a.query("PRAGMA foreign_keys").get(0)[0]);
    }
    try (LedgerDatabase again = Keystone.inMemory(LedgerDatabase.class)) {
      assertEquals(List.of(), again.ledger().accounts(), "closing discarded it");
    }
  }

  @Test
  void inMemoryWritesNoFile() throws Exception {
    Path cwd = Path.of("").toAbsolutePath();
    List<Path> before;
    try (var files = Files.list(cwd)) {
      before = files.sorted().toList();
    }
    try (LedgerDatabase db = Keystone.inMemory(LedgerDatabase.class)) {
      db.ledger().insertAccount(new Account(1, "ada"));
      try (var files = Files.list(cwd)) {
        assertEquals(before, files.sorted().toList());
      }
    }
  }

  @Test
  void everyOptionIsRefusedOnceTheBuilderHasBuilt() {
    KeystoneBuilder<LedgerDatabase> builder =
        Keystone.builder(LedgerDatabase.class).path(dir.resolve("a.db"));
    try (LedgerDatabase db = builder.build()) {
      List<Consumer<KeystoneBuilder<LedgerDatabase>>> options = List.of(
          b -> b.path(dir.resolve("b.db")),
          KeystoneBuilder::inMemory,
          b -> b.postgres("jdbc:postgresql://localhost/none"),
          b -> b.postgres(TestPostgres.dataSource("jdbc:postgresql://localhost/none")),
          b -> b.readers(1),
          b -> b.acquireTimeout(Duration.ofSeconds(1)),
          b -> b.migrations(Migration.of(1, 2, d -> { })),
          b -> b.traceSql(sql -> { }),
          b -> b.verifyOnOpen(true),
          b -> b.deferrableKeys(false),
          KeystoneBuilder::build);
      for (Consumer<KeystoneBuilder<LedgerDatabase>> option : options) {
        IllegalStateException e =
            assertThrows(IllegalStateException.class, () -> option.accept(builder));
        assertEquals(SEALED, e.getMessage());
      }
      // The database it opened is the one configured first, and still works.
      db.ledger().insertAccount(new Account(1, "ada"));
      assertEquals(1, db.ledger().accounts().size());
      assertTrue(Files.exists(dir.resolve("a.db")));
      assertTrue(Files.notExists(dir.resolve("b.db")));
    }
  }

  @Test
  void aBuilderWithoutAPlaceIsRefusedAndStaysOpenForOne() {
    KeystoneBuilder<LedgerDatabase> builder = Keystone.builder(LedgerDatabase.class);
    IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
    assertEquals(
        "Choose where the database lives: path(Path), inMemory() or postgres(...)", e.getMessage());
    try (LedgerDatabase db = builder.inMemory().build()) {
      assertEquals(List.of(), db.ledger().accounts());
    }
  }
}
