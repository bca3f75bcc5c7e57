package keystone.android.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.MethodFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs integration-tests' behaviour classes (its test-jar, package {@code keystone.tests}) with
 * the JUnit Platform from where it is called: inside Robolectric's sandbox, where the classes
 * load through the sandbox's class loader and {@code TestEngine.SQLITE} opens Android's SQLite.
 */
final class BehaviourSuite {
  /** The package integration-tests keeps its behaviour classes in. */
  static final String PACKAGE = "keystone.tests";

  private BehaviourSuite() {}

  /** What one run found. */
  record Outcome(
      TestExecutionSummary summary, List<String> failures, Set<String> failed, int postgresRuns) {
    /** One line for the build's output. */
    String counts() {
      return summary.getTestsSucceededCount() + " tests passed, "
          + summary.getTestsFailedCount() + " failed, "
          + summary.getTestsAbortedCount() + " aborted, "
          + (summary.getContainersFailedCount() + summary.getContainersAbortedCount())
          + " classes or runs failed to start; "
          + postgresRuns + " PostgreSQL runs left to integration-tests; "
          + Exclusions.classes().size() + " class patterns and "
          + Exclusions.methods().size() + " methods excluded by name";
    }
  }

  /** Every behaviour class of the package, but those {@link Exclusions} leaves out. */
  static Outcome run() {
    return run(selectPackage(PACKAGE));
  }

  /** The behaviour classes named (fully qualified), but those {@link Exclusions} leaves out. */
  static Outcome run(List<String> classes) {
    return run(classes.stream().map(DiscoverySelectors::selectClass)
        .toArray(DiscoverySelector[]::new));
  }

  private static Outcome run(DiscoverySelector... selectors) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    // The package scan goes through the context class loader: make it the sandbox's.
    thread.setContextClassLoader(BehaviourSuite.class.getClassLoader());
    try {
      registerTheFixturesJdbcDriver();
      SummaryGeneratingListener summary = new SummaryGeneratingListener();
      Failures failures = new Failures();
      LauncherFactory.create().execute(request(selectors), summary, failures);
      return new Outcome(summary.getSummary(), failures.lines(), failures.keys(),
          failures.postgresRuns());
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  /**
   * The fixtures write files through sqlite-jdbc (RawDatabase, MigrationTestHelper). DriverManager
   * loads drivers once per JVM, through the first sandbox's class loader, and hands a caller only
   * a driver its own class loader can see: each later API level's sandbox registers its own.
   */
  private static void registerTheFixturesJdbcDriver() {
    try {
      Class.forName("org.sqlite.JDBC", true, BehaviourSuite.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("sqlite-jdbc is missing from the test class path", e);
    }
  }

  private static LauncherDiscoveryRequest request(DiscoverySelector... selectors) {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectors)
        .filters(EngineFilter.includeEngines("junit-jupiter"),
            ClassNameFilter.excludeClassNamePatterns(patterns(Exclusions.classes())))
        // PostgresRunsElsewhere, registered as a service on this module's test class path.
        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true");
    if (!Exclusions.methods().isEmpty()) {
      request.filters(MethodFilter.excludeMethodNamePatterns(patterns(Exclusions.methods())));
    }
    return request.build();
  }

  private static String[] patterns(Map<String, String> reasons) {
    return reasons.keySet().toArray(String[]::new);
  }
}
