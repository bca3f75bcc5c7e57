package keystone.engine.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import keystone.engine.fixture.LockHolder;

/** A {@link LockHolder} in a second JVM, spoken to line by line. */
final class OtherProcess implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final PrintStream in;

  private OtherProcess(Process process) {
    this.process = process;
    this.out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** Starts a JVM holding the write lock of {@code file}; returns once it holds it. */
  static OtherProcess holdingWriteLock(Path file) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process started = new ProcessBuilder(
            java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
            file.toString())
        .redirectErrorStream(true)
        .start();
    OtherProcess other = new OtherProcess(started);
    other.await("locked");
    return other;
  }

  /** Tells it to end its transaction ("commit" or "rollback"); returns once it has. */
  void end(String how) {
    in.println(how);
    await("released");
  }

  private void await(String signal) {
    try {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.equals(signal)) {
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("the other process ended before saying " + signal);
  }

  @Override
  public void close() throws InterruptedException {
    in.close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the other process did not end");
  }
}
