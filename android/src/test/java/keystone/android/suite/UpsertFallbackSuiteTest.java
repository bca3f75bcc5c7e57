package keystone.android.suite;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import android.os.Build;
import java.util.List;
import keystone.engine.sqlite.SqliteConnection;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.annotation.Config;

/**
 * Every behaviour class with a generated {@code @Upsert}, run again on Android's driver with the
 * upsert fallback forced: the INSERT and, on the key's conflict, the UPDATE that a real API 28 or
 * 29 device (SQLite 3.22, no upsert) runs. Robolectric's SQLite is 3.32 at API 28, so only the
 * property brings that path here; the same failures as in the plain run are expected.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = 28)
public class UpsertFallbackSuiteTest {
  private static final List<String> CLASSES = List.of(
      "keystone.tests.constraints.ConflictAndConstraintTest",
      "keystone.tests.converted.ConvertedValuesTest",
      "keystone.tests.deferred.DeferredDiagnosisTest",
      "keystone.tests.observe.ObserverTest",
      "keystone.tests.returning.ReturningWithoutReturningTest",
      "keystone.tests.upsert.UpsertWithoutUpsertTest");

  @Test
  public void theUpsertClassesPassWithTheFallbackForced() {
    String before = System.setProperty(SqliteConnection.EMULATE_UPSERT, "true");
    BehaviourSuite.Outcome outcome;
    try {
      outcome = BehaviourSuite.run(CLASSES);
    } finally {
      if (before == null) {
        System.clearProperty(SqliteConnection.EMULATE_UPSERT);
      } else {
        System.setProperty(SqliteConnection.EMULATE_UPSERT, before);
      }
    }
    String level = "Android API " + Build.VERSION.SDK_INT + " with the upsert fallback forced";
    KnownFailures known = KnownFailures.at(Build.VERSION.SDK_INT).only(CLASSES);
    System.out.println("Upsert classes on " + level + ": " + outcome.counts() + "; "
        + known.size() + " failures known (known-failures.txt)");
    List<String> problems = known.problems(outcome.failed(), outcome.failures());
    if (!problems.isEmpty()) {
      fail(problems.size() + " departures from known-failures.txt on " + level + ":\n"
          + String.join("\n", problems));
    }
    // 60 SQLite runs when this was written: far fewer means the classes were not found.
    assertTrue("the upsert classes were not found on " + level,
        outcome.summary().getTestsFoundCount() - outcome.postgresRuns() >= 50);
  }
}
