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

  /** DDL the engine applies as written. */
  record Sql(String ddl) implements Step {}

  /**
   * A foreign key added to a filled table: PostgreSQL adds it NOT VALID and validates it apart.
   *
   * @param createTable the table's new CREATE TABLE, which declares the key
   * @param indexes the key's own new index, created with it
   */
  record AddForeignKey(String table, String constraint, String createTable, List<String> indexes)
      implements Step {
    AddForeignKey {
      indexes = List.copyOf(indexes);
    }
  }

  /** A table rebuilt by SQLite's 12-step procedure; the PostgreSQL engine refuses it. */
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
