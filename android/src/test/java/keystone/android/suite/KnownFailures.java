package keystone.android.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tests that fail on Android's SQLite today ({@code known-failures.txt} beside this class,
 * one {@code <levels> <class>#<method>} a line, grouped under their cause): the engine and driver
 * work still open. A run passes only when exactly these fail at its level, so a new failure
 * fails the build, and so does a listed test that now passes, until its line is deleted.
 */
final class KnownFailures {
  private final Set<String> expected;

  private KnownFailures(Set<String> expected) {
    this.expected = expected;
  }

  /** The tests listed for API {@code level}. */
  static KnownFailures at(int level) {
    Set<String> expected = new TreeSet<>();
    try (InputStream in = KnownFailures.class.getResourceAsStream("known-failures.txt");
        BufferedReader lines = new BufferedReader(
            new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String entry = line.strip();
        if (entry.isEmpty() || entry.startsWith("#")) {
          continue;
        }
        String[] parts = entry.split("\\s+");
        if (List.of(parts[0].split(",")).contains(Integer.toString(level))) {
          expected.add(parts[1]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new KnownFailures(expected);
  }

  /** Only the entries of {@code classes} (fully qualified), for a run of those classes alone. */
  KnownFailures only(List<String> classes) {
    Set<String> kept = new TreeSet<>();
    for (String test : expected) {
      if (classes.contains(test.substring(0, test.indexOf('#')))) {
        kept.add(test);
      }
    }
    return new KnownFailures(kept);
  }

  int size() {
    return expected.size();
  }

  /** What is wrong with a run whose failures were {@code failed} (empty when it is as listed). */
  List<String> problems(Set<String> failed, List<String> failureLines) {
    List<String> problems = new ArrayList<>();
    for (String line : failureLines) {
      if (!expected.contains(line.substring(0, line.indexOf(' ')))) {
        problems.add("NEW FAILURE " + line);
      }
    }
    for (String test : expected) {
      if (!failed.contains(test)) {
        problems.add("NOW PASSES (delete its line from known-failures.txt): " + test);
      }
    }
    return problems;
  }
}
