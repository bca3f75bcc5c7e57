package keystone.android.sample;

import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;

/** Runs the Android sample and prints what it says to the test output. */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = {28, 35})
public class ShopFlowOnAndroidTest {
  @Test
  public void runsEveryShopFlowStep() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      new ShopFlowOnAndroid(RuntimeEnvironment.getApplication()).run(out);
    }
    String said = buffer.toString(StandardCharsets.UTF_8);
    System.out.print(said);
    assertTrue(said, said.contains("Android's SQLite"));
    for (String step : new String[] {"1. Seed", "2. Graph", "3. RESTRICT", "4. CASCADE",
        "5. SET NULL", "6. Orphan", "7. Deferred import", "8. Deferred import"}) {
      assertTrue("missing step " + step, said.contains(step));
    }
    // The demo says "?!" when a refusal it expects did not happen.
    assertTrue(said, !said.contains("?!"));
    assertTrue(said, said.contains("refused: "));
    assertTrue(said, said.contains("rolled back at commit: "));
  }
}
