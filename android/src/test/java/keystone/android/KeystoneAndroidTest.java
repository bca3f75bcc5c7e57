package keystone.android;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import android.content.Context;
import java.io.File;
import java.util.List;
import keystone.android.fixture.Badge;
import keystone.android.fixture.League;
import keystone.android.fixture.Player;
import keystone.android.fixture.Team;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.UniqueViolationException;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;

/** The builder and the driver: a generated database on Android's SQLite, file and memory. */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = {28, 33, 35})
public class KeystoneAndroidTest {
  private Context context;
  private League db;

  @Before
  public void open() {
    context = RuntimeEnvironment.getApplication();
    db = KeystoneAndroid.builder(context, League.class).name("league.db").build();
  }

  @After
  public void close() {
    db.close();
  }

  @Test
  public void theFileLivesInTheAppsDatabaseDirectory() {
    File file = context.getDatabasePath("league.db");
    assertTrue(file.isFile());
    assertEquals(List.of("wal"), db.query("PRAGMA journal_mode").stream()
        .map(row -> String.valueOf(row[0]).toLowerCase(java.util.Locale.ROOT)).toList());
    assertEquals(List.of(), db.query(
        "SELECT name FROM sqlite_master WHERE name = 'android_metadata'"));
  }

  @Test
  public void insertsAndQueries() {
    db.league().insertQuietly(new Team(0, "Reds"));
    db.league().insertQuietly(new Team(0, "Blues"));
    List<Team> teams = db.league().teams();
    assertEquals(List.of("Reds", "Blues"), teams.stream().map(Team::name).toList());
    db.league().insertPlayers(List.of(new Player(0, teams.get(0).id(), "Ann")));
    assertEquals(1, db.league().players().size());
    db.league().delete(teams.get(0));
    assertEquals(List.of(), db.league().players());
  }

  @Test
  public void aTransactionSeesItsOwnWritesAndRollsBack() {
    RuntimeException boom = new RuntimeException("boom");
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> db.runInTransaction(() -> {
      db.league().insertQuietly(new Team(0, "Reds"));
      assertEquals(1, db.league().teams().size());
      throw boom;
    }));
    assertEquals(boom, thrown);
    assertEquals(List.of(), db.league().teams());
    db.runInTransaction(() -> db.league().insertQuietly(new Team(0, "Greens")));
    assertEquals(1, db.league().teams().size());
  }

  @Test
  public void violationsAreTheTypedExceptions() {
    db.league().insertQuietly(new Team(0, "Reds"));
    UniqueViolationException unique = assertThrows(UniqueViolationException.class,
        () -> db.league().insertQuietly(new Team(0, "Reds")));
    assertTrue(unique.getMessage(), unique.getMessage().contains("teams"));
    ForeignKeyViolationException orphan = assertThrows(ForeignKeyViolationException.class,
        () -> db.league().insertPlayers(List.of(new Player(0, 99, "Nobody"))));
    assertEquals(1, orphan.violations().size());
    assertEquals("players", orphan.violations().get(0).childTable());
    assertEquals(List.of(), db.league().players());
  }

  @Test
  public void aDeferredOrphanIsRefusedAtCommitAndTheNextTransactionWorks() {
    ForeignKeyViolationException orphan = assertThrows(ForeignKeyViolationException.class,
        () -> db.runInTransaction(
            () -> db.league().insertBadges(List.of(new Badge(1, 42, null, "gold")))));
    assertEquals("badges", orphan.violations().get(0).childTable());
    assertEquals(0, db.league().badgeCount());
    db.runInTransaction(() -> db.league().insertQuietly(new Team(0, "Reds")));
    assertEquals(1, db.league().teams().size());
  }

  /**
   * Readers are connections of their own in WAL mode: while a transaction is open on the writer,
   * another thread reads the last committed state without waiting for it.
   */
  @Test
  public void readersSeeTheCommittedStateWhileTheWriterIsInATransaction() throws Exception {
    db.league().insertQuietly(new Team(0, "Reds"));
    java.util.concurrent.ExecutorService other =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      db.runInTransaction(() -> {
        db.league().insertQuietly(new Team(0, "Blues"));
        assertEquals(2, db.league().teams().size());
        try {
          assertEquals(1, other.submit(() -> db.league().teams().size())
              .get(10, java.util.concurrent.TimeUnit.SECONDS).intValue());
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
      assertEquals(2, other.submit(() -> db.league().teams().size())
          .get(10, java.util.concurrent.TimeUnit.SECONDS).intValue());
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  public void inMemoryWorksToo() {
    League memory = KeystoneAndroid.builder(context, League.class).inMemory().build();
    try {
      memory.league().insertQuietly(new Team(0, "Reds"));
      assertEquals(1, memory.league().teams().size());
    } finally {
      memory.close();
    }
  }
}
