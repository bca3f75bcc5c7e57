package keystone.android.suite;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import android.database.sqlite.SQLiteDatabase;
import android.os.Build;
import keystone.testing.SqlitePlatform;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.annotation.Config;

/**
 * The behaviour suite, the same test classes as on sqlite-jdbc and PostgreSQL, on Android's own
 * SQLite at the oldest supported API level and two later ones: {@code TestEngine.SQLITE} opens
 * its databases through {@link AndroidPlatform} here. Every failure is listed with its class,
 * method and message, and the counts are printed for each level.
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
    System.out.println("Behaviour suite on " + level + " in " + seconds + " s: "
        + outcome.counts());
    if (!outcome.failures().isEmpty()) {
      fail(outcome.failures().size() + " failures on " + level + ":\n"
          + String.join("\n", outcome.failures()));
    }
    // 209 when this was written: far fewer means the package scan stopped finding the classes.
    assertTrue("the behaviour classes were not found on " + level,
        outcome.summary().getTestsSucceededCount() >= 200);
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
