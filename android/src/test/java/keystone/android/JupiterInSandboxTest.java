package keystone.android;

import static org.junit.Assert.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.annotation.Config;

/**
 * Robolectric runs on JUnit 4, Keystone's behaviour suite on Jupiter ({@code @ParameterizedClass}
 * over {@code TestEngine}). Launched from inside a Robolectric test, Jupiter loads the test class
 * through Robolectric's sandbox, where {@code android.database.sqlite} is the platform's real
 * SQLite: this is how the suite reaches each API level, and this test keeps that route checked.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = {28, 35})
public class JupiterInSandboxTest {
  @Test
  public void aParameterizedJupiterClassRunsOnAndroidsSqlite() throws Exception {
    Class<?> suite = Class.forName("keystone.android.JupiterOnAndroid");
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    StringWriter failures = new StringWriter();
    summary.printFailuresTo(new PrintWriter(failures), 20);
    assertEquals(failures.toString(), 2, summary.getTestsSucceededCount());
    assertEquals(failures.toString(), 0, summary.getTotalFailureCount());
  }
}
