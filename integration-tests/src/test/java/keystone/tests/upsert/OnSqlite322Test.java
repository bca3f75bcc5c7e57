package keystone.tests.upsert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.Keystone;
import keystone.engine.KeystoneException;
import keystone.engine.UniqueViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a SQLite that reports 3.22 and refuses upsert and RETURNING ({@link Sqlite322Driver}), the
 * generated writes run through their fallbacks with no property set: the connection chose them
 * from the version.
 */
class OnSqlite322Test {
  @TempDir Path dir;
  private UpsertDatabase db;
  private UpsertDao dao;

  @BeforeEach
  void open() {
    db = Keystone.builder(UpsertDatabase.class).path(dir.resolve("old.db"))
        .sqliteDriver(new Sqlite322Driver()).build();
    dao = db.dao();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void theStandInRefusesWhatSqlite322Refuses() {
    assertEquals("3.22.0", db.query("SELECT sqlite_version()").get(0)[0]);
    KeystoneException e = assertThrows(KeystoneException.class, () -> db.query(
        "INSERT INTO owners (id, name) VALUES (1, 'a') ON CONFLICT (id) DO NOTHING"));
    assertEquals("near \"ON\": syntax error", Sqlite322Driver.refusal(
        "INSERT INTO owners (id, name) VALUES (1, 'a') ON CONFLICT (id) DO NOTHING"));
    assertNull(Sqlite322Driver.refusal("INSERT INTO owners (id, name) VALUES (?, ?)"));
    assertEquals(List.of(), db.query("SELECT * FROM owners"), e.getMessage());
  }

  @Test
  void generatedUpsertsAndInsertsAnswerAsOnANewSqlite() {
    dao.insert(new Owner(1, "one"));
    assertEquals(1, dao.upsert(new Account(0, "ann", 1, null)));
    assertEquals(1, dao.upsert(new Account(1, "ann2", 1, 1L)));
    assertEquals(List.of(1L, 2L),
        dao.upsertAll(List.of(new Account(1, "ann3", 1, null), new Account(0, "bob", 1, null))));
    UniqueViolationException taken = assertThrows(UniqueViolationException.class,
        () -> dao.upsert(new Account(5, "bob", 1, null)));
    assertEquals(List.of("handle"), taken.columns());
    dao.upsertQuietly(new Account(2, "bob2", 1, null));
    dao.upsertAllQuietly(List.of(new Account(0, "cy", 1, null)));
    long follow = dao.follow(new Follow(1, 1));
    assertEquals(-1, dao.follow(new Follow(1, 1)));
    dao.followAll(List.of(new Follow(1, 1), new Follow(2, 1)));
    assertEquals(List.of(new Account(1, "ann3", 1, null), new Account(2, "bob2", 1, null),
        new Account(3, "cy", 1, null)), dao.accounts());
    assertEquals(List.of(new Follow(1, 1), new Follow(2, 1)), dao.follows());
    assertEquals(1, follow);
  }
}
