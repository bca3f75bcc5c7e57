package keystone.processor.migration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated migration: what the writer renders as {@code Migration.schema(from, to, ...)}.
 *
 * @param changes what it does, in words, for the comment above it
 * @param steps empty when the two versions have the same schema
 */
record PlannedMigration(int from, int to, List<String> changes, List<Step> steps) {
  PlannedMigration {
    changes = List.copyOf(changes);
    steps = List.copyOf(steps);
  }

  /** A {@code keystone.engine.SchemaStep}. */
  sealed interface Step {}

  /** DDL SQLite applies in place. */
  record Sql(String ddl) implements Step {}

  /** A table rebuilt by the engine's 12-step procedure. */
  record Rebuild(
      String table, String createTable, Map<String, String> columnSources, List<String> indexes)
      implements Step {
    Rebuild {
      // Ordered, so the generated code is stable from build to build.
      columnSources = Collections.unmodifiableMap(new LinkedHashMap<>(columnSources));
      indexes = List.copyOf(indexes);
    }
  }
}
