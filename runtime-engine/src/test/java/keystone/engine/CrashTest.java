package keystone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import keystone.engine.fixture.CrashWriter;
import keystone.engine.fixture.ShopDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer in a child JVM is killed with SIGKILL in the middle of a large transaction, or right
 * after a commit; the reopened file holds every committed transaction whole and nothing else.
 */
class CrashTest {
  @TempDir Path dir;

  @Test
  void killedInsideTransaction() throws Exception {
    Path file = dir.resolve("crash.db");
    int committed = runAndKill(file, "mid", "half-written");
    verify(file, committed);
  }

  @Test
  void killedBetweenTransactions() throws Exception {
    Path file = dir.resolve("crash.db");
    int committed = runAndKill(file, "between", "committed 5");
    verify(file, committed);
  }

  /** Starts the writer, waits for {@code signal} on its output, kills it, returns commits seen. */
  private static int runAndKill(Path file, String mode, String signal) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashWriter.class.getName(),
                file.toString(),
                mode)
            .redirectErrorStream(true)
            .start();
    int committed = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("committed ")) {
          committed = Integer.parseInt(line.substring("committed ".length()));
        }
        if (line.startsWith(signal)) {
          // Keep reading to the end: on a loaded machine the writer runs ahead of this reader,
          // and the commits it announced before the kill landed are still in the pipe. The
          // handle kills without closing this end of the pipe, as Process.destroyForcibly does.
          child.toHandle().destroyForcibly();
        }
      }
    } finally {
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
    }
    assertTrue(committed >= 5, "the writer should have committed before the kill: " + committed);
    return committed;
  }

  private static void verify(Path file, int committed) {
    try (ShopDb db = Keystone.builder(ShopDb.class).path(file).verifyOnOpen(true).build()) {
      long users = (Long) db.query("SELECT count(*) FROM users").get(0)[0];
      // A commit may land between its COMMIT and the line announcing it: never fewer, at most one more.
      assertTrue(users == committed || users == committed + 1, users + " vs " + committed);
      assertEquals(users * CrashWriter.ORDERS_PER_TRANSACTION,
          (Long) db.query("SELECT count(*) FROM orders").get(0)[0]);
      assertEquals(List.of(), db.checkForeignKeys());
      assertEquals("ok", db.query("PRAGMA integrity_check").get(0)[0]);
    }
  }
}
