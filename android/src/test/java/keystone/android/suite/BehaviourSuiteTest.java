package keystone.android.suite;

import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import android.database.sqlite.SQLiteDatabase;
import android.os.Build;
import java.lang.reflect.Field;
import java.util.List;
import keystone.testing.SqlitePlatform;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.annotation.Config;

/**
 * The behaviour suite, the same test classes as on sqlite-jdbc and PostgreSQL, on Android's own
 * SQLite at the oldest supported API level and two later ones: {@code TestEngine.SQLITE} opens
 * its databases through {@link AndroidPlatform} here. The counts are printed for each level, and
 * every failure {@link KnownFailures} does not expect is listed with its class, method and
 * message.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = {28, 33, 35})
public class BehaviourSuiteTest {
  @Test
  public void theBehaviourSuitePassesOnAndroidsSqlite() {
    String level = "Android API " + Build.VERSION.SDK_INT + " (SQLite " + sqliteVersion()
        + ", " + SqlitePlatform.installed().name() + ")";
    long started = System.nanoTime();
    BehaviourSuite.Outcome outcome = BehaviourSuite.run();
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    KnownFailures known = KnownFailures.at(Build.VERSION.SDK_INT);
    System.out.println("Behaviour suite on " + level + " in " + seconds + " s: "
        + outcome.counts() + "; " + known.size() + " failures known (known-failures.txt)");
    List<String> problems = known.problems(outcome.failed(), outcome.failures());
    if (!problems.isEmpty()) {
      fail(problems.size() + " departures from known-failures.txt on " + level + ":\n"
          + String.join("\n", problems));
    }
    assertNull("a Keystone database in the suite opened on the desktop's driver, not Android's",
        desktopDriverUsed());
    // 209 tests when this was written: far fewer means the package scan stopped finding them.
    assertTrue("the behaviour classes were not found on " + level,
        outcome.summary().getTestsFoundCount() - outcome.postgresRuns() >= 200);
  }

  /**
   * The SQLite driver the core found by ServiceLoader in this sandbox, if any: sqlite-jdbc is on
   * the test class path for the fixtures, and a database opened without Android's driver would
   * quietly run there. Read by reflection, since the core keeps it private.
   */
  private static Object desktopDriverUsed() {
    try {
      Field installed = Class.forName("keystone.engine.sqlite.SqliteDrivers")
          .getDeclaredField("installed");
      installed.setAccessible(true);
      return installed.get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("SqliteDrivers changed: update this check", e);
    }
  }

  private static String sqliteVersion() {
    SQLiteDatabase db = SQLiteDatabase.create(null);
    try {
      return android.database.DatabaseUtils.stringForQuery(db, "SELECT sqlite_version()", null);
    } finally {
      db.close();
    }
  }
}
