package keystone.tests.returning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.UniqueViolationException;
import keystone.engine.sqlite.SqliteConnection;
import keystone.testing.SqlitePlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Generated inserts that return ids give the same answers whether SQLite runs their
 * {@code RETURNING rowid} (3.35+) or Keystone emulates it (older SQLite, such as Android's below
 * API 35): here on sqlite-jdbc, with the emulation forced on and off.
 */
@ParameterizedClass
@ValueSource(booleans = {false, true})
class ReturningWithoutReturningTest {
  @Parameter boolean emulated;
  @TempDir Path dir;
  private ReturningDatabase db;
  private ReturningDao dao;

  @BeforeEach
  void open() {
    System.setProperty(SqliteConnection.EMULATE_RETURNING, Boolean.toString(emulated));
    try {
      db = SqlitePlatform.installed().builder(ReturningDatabase.class, dir.resolve("r.db")).build();
    } finally {
      System.clearProperty(SqliteConnection.EMULATE_RETURNING);
    }
    dao = db.dao();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void theStatementsRunWithOrWithoutReturning() {
    List<String> traced = new java.util.ArrayList<>();
    db.close();
    System.setProperty(SqliteConnection.EMULATE_RETURNING, Boolean.toString(emulated));
    try {
      db = SqlitePlatform.installed().builder(ReturningDatabase.class, dir.resolve("r.db"))
          .traceSql(traced::add).build();
    } finally {
      System.clearProperty(SqliteConnection.EMULATE_RETURNING);
    }
    dao = db.dao();
    assertEquals(1, dao.insert(new Tag(0, "a")));
    // The DAO's SQL is the generated one either way; the connection rewrites it underneath.
    assertEquals(1, traced.stream().filter(sql -> sql.endsWith(" RETURNING rowid")).count());
  }

  @Test
  void insertReturnsTheNewRowid() {
    assertEquals(1, dao.insert(new Tag(0, "a")));
    assertEquals(2, dao.insert(new Tag(0, "b")));
    assertEquals(7, dao.insert(new Tag(7, "c")));
  }

  @Test
  void ignoreReturnsMinusOneForASkippedRow() {
    assertEquals(1, dao.insertOrIgnore(new Tag(0, "a")));
    assertEquals(-1, dao.insertOrIgnore(new Tag(0, "a")));
    assertArrayEquals(new long[] {2, -1, 3},
        dao.insertOrIgnore(List.of(new Tag(0, "b"), new Tag(0, "a"), new Tag(0, "c"))));
  }

  @Test
  void replaceReturnsTheReplacingRowid() {
    dao.insert(new Tag(0, "a"));
    assertEquals(List.of(1L, 5L), dao.insertOrReplace(List.of(new Tag(1, "x"), new Tag(5, "x"))));
    assertEquals(List.of(new Tag(5, "x")), dao.tags());
  }

  @Test
  void upsertReturnsTheInsertedOrTheUpdatedRowid() {
    assertEquals(1, dao.upsert(new Tag(0, "a")));
    assertEquals(1, dao.upsert(new Tag(1, "renamed")));
    assertEquals(2, dao.upsert(new Tag(0, "b")));
    assertEquals(List.of(new Tag(1, "renamed"), new Tag(2, "b")), dao.tags());
  }

  @Test
  void upsertOnACompositeKeyFindsTheUpdatedRowByItsKey() {
    long eur = dao.upsert(new Rate("EUR", 2024, 1.0));
    long usd = dao.upsert(new Rate("USD", 2024, 1.1));
    assertEquals(eur, dao.upsert(new Rate("EUR", 2024, 1.2)));
    assertEquals(List.of(eur, usd, usd + 1),
        dao.upsertAll(List.of(new Rate("EUR", 2024, 1.3), new Rate("USD", 2024, 1.4),
            new Rate("USD", 2025, 1.5))));
    assertEquals(usd + 1, dao.rateRowid("USD", 2025));
    assertEquals(List.of(new Rate("EUR", 2024, 1.3), new Rate("USD", 2024, 1.4),
        new Rate("USD", 2025, 1.5)), dao.rates());
  }

  @Test
  void aFailedInsertIsTheTypedErrorAndChangesNothing() {
    dao.insert(new Tag(0, "a"));
    UniqueViolationException e =
        assertThrows(UniqueViolationException.class, () -> dao.insert(new Tag(0, "a")));
    assertEquals(List.of("name"), e.columns());
    assertEquals(List.of(new Tag(1, "a")), dao.tags());
    assertEquals(2, dao.insert(new Tag(0, "b")));
  }
}
