package keystone.android.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Every test or container that did not succeed, as one line each: class, method, the run's
 * display names (which engine, which argument), and the exception's type and message. Aborted
 * counts as failed, and so does skipped for any reason but {@link PostgresRunsElsewhere}'s: on
 * Android nothing is skipped by an assumption or a condition.
 */
final class Failures implements TestExecutionListener {
  private final List<String> lines = new ArrayList<>();
  private final Set<String> keys = new TreeSet<>();
  private int postgresRuns;
  private TestPlan plan;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
      return;
    }
    Throwable cause = result.getThrowable().orElse(null);
    keys.add(where(id));
    lines.add(where(id) + " [" + path(id) + "]: " + result.getStatus() + " "
        + (cause == null ? "" : cause.getClass().getName() + ": " + cause.getMessage()));
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (PostgresRunsElsewhere.REASON.equals(reason)) {
      postgresRuns++;
    } else {
      keys.add(where(id));
      lines.add(where(id) + " [" + path(id) + "]: SKIPPED " + reason);
    }
  }

  List<String> lines() {
    return lines;
  }

  /** {@code class#method} of every line, as {@link KnownFailures} names them. */
  Set<String> keys() {
    return keys;
  }

  /** The tests left out because their engine is PostgreSQL. */
  int postgresRuns() {
    return postgresRuns;
  }

  private static String where(TestIdentifier id) {
    Optional<TestSource> source = id.getSource();
    if (source.isPresent() && source.get() instanceof MethodSource method) {
      return method.getClassName() + "#" + method.getMethodName();
    }
    if (source.isPresent() && source.get() instanceof ClassSource type) {
      return type.getClassName();
    }
    return id.getUniqueId();
  }

  /** The display names from the class down, such as {@code [1] engine=SQLITE > rowsLeft()}. */
  private String path(TestIdentifier id) {
    List<String> names = new ArrayList<>();
    for (TestIdentifier at = id; at != null; at = plan.getParent(at).orElse(null)) {
      if (at.getSource().isPresent()) {
        names.add(0, at.getDisplayName());
      }
    }
    return String.join(" > ", names);
  }
}
