package keystone.android;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import android.os.Build;
import java.util.List;
import keystone.android.fixture.Badge;
import keystone.android.fixture.League;
import keystone.android.fixture.Player;
import keystone.android.fixture.Team;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;

/**
 * What Android's older SQLite would break: generated inserts that return ids (RETURNING is a
 * syntax error below API 35) and deferred keys at commit (Android's endTransaction trap, which
 * Keystone never reaches: its transactions are savepoints Android does not see).
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = {28, 33, 35})
public class WritesOnOldSqliteTest {
  private League db;

  @Before
  public void open() {
    db = KeystoneAndroid.builder(RuntimeEnvironment.getApplication(), League.class)
        .name("writes.db").build();
  }

  @After
  public void close() {
    db.close();
  }

  @Test
  public void theSqliteVersionIsTheOneThatLacksReturningBelowApi35() {
    Object version = db.query("SELECT sqlite_version()").get(0)[0];
    assertEquals(Build.VERSION.SDK_INT >= 35 ? "3.44.3" : "3.32.2", version);
  }

  @Test
  public void insertsReturnTheirIds() {
    assertEquals(1, db.league().insert(new Team(0, "Reds")));
    assertArrayEquals(new long[] {2, 3},
        db.league().insertAll(List.of(new Team(0, "Blues"), new Team(0, "Greens"))));
    assertEquals(List.of(1L, 2L), db.league().insertPlayersReturningIds(
        List.of(new Player(0, 1, "Ann"), new Player(0, 2, "Bob"))));
  }

  @Test
  public void ignoreReturnsMinusOneAndUpsertTheRowItWrote() {
    assertEquals(1, db.league().insertOrIgnore(new Team(0, "Reds")));
    assertEquals(-1, db.league().insertOrIgnore(new Team(0, "Reds")));
    assertEquals(1, db.league().upsert(new Team(1, "Scarlets")));
    assertEquals(2, db.league().upsert(new Team(0, "Blues")));
    assertEquals(List.of(new Team(1, "Scarlets"), new Team(2, "Blues")), db.league().teams());
  }

  private void assertOrphanBadge(ForeignKeyViolationException e) {
    ForeignKeyViolation v = e.violations().get(0);
    assertEquals(1, e.violations().size());
    assertEquals("badges", v.childTable());
    assertEquals("players", v.parentTable());
    assertEquals(0, db.league().badgeCount());
  }

  private void assertTheNextTransactionWorks() {
    long badges = db.league().badgeCount();
    db.runInTransaction(() -> {
      long team = db.league().insert(new Team(0, "After"));
      long player = db.league().insert(new Player(0, team, "Ann"));
      db.league().insert(new Badge(7, player, null, "gold"));
    });
    assertEquals(badges + 1, db.league().badgeCount());
  }

  @Test
  public void aDeferredOrphanInATransactionIsRefusedAtCommit() {
    long team = db.league().insert(new Team(0, "Reds"));
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> db.runInTransaction(() -> {
          db.league().insert(new Team(0, "Blues"));
          db.league().insert(new Badge(1, 42, team, "gold"));
        }));
    assertOrphanBadge(e);
    assertEquals(List.of(new Team(1, "Reds")), db.league().teams());
    assertTheNextTransactionWorks();
  }

  @Test
  public void aDeferredOrphanInOneStatementIsRefused() {
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> db.league().insert(new Badge(1, 42, null, "gold")));
    assertOrphanBadge(e);
    assertTheNextTransactionWorks();
  }

  @Test
  public void aDeferredOrphanInABatchTakesTheWholeBatchBack() {
    long team = db.league().insert(new Team(0, "Reds"));
    long player = db.league().insert(new Player(0, team, "Ann"));
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> db.league().insertBadges(List.of(
            new Badge(1, player, null, "gold"), new Badge(2, 42, null, "silver"))));
    assertOrphanBadge(e);
    assertTheNextTransactionWorks();
  }

  /**
   * RESTRICT stays immediate while keys are deferred, through a guard trigger whose message, on
   * SQLite before 3.47, can name the key but not carry its values: the diagnosis finds them.
   */
  @Test
  public void restrictRefusesAtOnceWhileKeysAreDeferredAndNamesTheKey() {
    long team = db.league().insert(new Team(0, "Reds"));
    long player = db.league().insert(new Player(0, team, "Ann"));
    db.league().insert(new Badge(1, player, team, "gold"));
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> db.runInTransaction(() -> {
          db.deferForeignKeys();
          db.league().delete(new Team(team, "Reds"));
        }));
    ForeignKeyViolation v = e.violations().get(0);
    assertEquals("badges", v.childTable());
    assertEquals("teams", v.parentTable());
    assertEquals(List.of(team), v.key());
    assertEquals(ForeignKeyViolation.Kind.STILL_REFERENCED, v.kind());
    assertEquals(1, db.league().teams().size());
    assertTheNextTransactionWorks();
  }

  @Test
  public void anOrphanMendedBeforeCommitCommits() {
    db.runInTransaction(() -> {
      db.league().insert(new Badge(1, 1, null, "gold"));
      long team = db.league().insert(new Team(0, "Reds"));
      db.league().insert(new Player(0, team, "Ann"));
    });
    assertEquals(1, db.league().badgeCount());
  }
}
