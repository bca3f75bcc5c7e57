package keystone.android.suite;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The integration-tests classes and methods the Android run leaves out, each with why: only
 * those that test PostgreSQL, or the desktop's own entry points, never a behaviour Android's
 * SQLite lacks (there the test shows Keystone's way around it).
 */
final class Exclusions {
  private Exclusions() {}

  /** Class name patterns (regular expressions, as the JUnit Platform takes them) and why. */
  static Map<String, String> classes() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("keystone\\.tests\\.postgres\\..*",
        "PostgreSQL only: the differential runs, immediate keys and enforcement on the server");
    out.put(".*PostgresTest",
        "PostgreSQL only: migrations on the server (NOT VALID keys, the keystone_schema row)");
    out.put("keystone\\.tests\\.api\\.BuilderTest",
        "Keystone.builder and Keystone.inMemory, the desktop's entry points: their seal and"
            + " defaults are the core's, whatever the driver");
    out.put("keystone\\.tests\\.upsert\\.OnSqlite322Test",
        "dresses the desktop's sqlite-jdbc driver as SQLite 3.22; here UpsertWithoutUpsertTest"
            + " runs the same upsert fallback on Android's own driver");
    return out;
  }

  /** Method name patterns ({@code class#method(parameter types)}) and why. */
  static Map<String, String> methods() {
    return new LinkedHashMap<>();
  }
}
