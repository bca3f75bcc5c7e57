package keystone.engine.sqlite;

import keystone.engine.core.RecordingDatabase;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneException;
import keystone.engine.Migration;
import keystone.engine.MigrationException;
import keystone.engine.SchemaStep;
import keystone.engine.sqlite.diagnosis.PendingViolation;
import keystone.engine.sqlite.diagnosis.ViolationFinder;
import keystone.engine.sqlite.schema.SchemaShapes;
import keystone.engine.spi.Schema;

/**
 * Brings an older file to the compiled version, one migration per transaction. Each ends with
 * the checks that decide whether it may commit: no foreign key violated, integrity intact, no table
 * emptied behind the migration's back (DROP TABLE on a parent deletes its rows first, and CASCADE
 * takes the children along), and after the last one, the compiled schema exactly.
 */
final class MigrationRunner {
  private final SqliteEngine engine;
  private final SqliteConnection connection;
  private final Schema schema;
  private final ViolationFinder finder;

  MigrationRunner(SqliteEngine engine, SqliteConnection connection, Schema schema) {
    this.engine = engine;
    this.connection = connection;
    this.schema = schema;
    this.finder = new ViolationFinder(connection, schema);
  }

  void run(List<Migration> path) {
    for (int i = 0; i < path.size(); i++) {
      Migration migration = path.get(i);
      boolean last = i == path.size() - 1;
      if (migration.body() != null) {
        runUserMigration(migration, last);
      } else {
        runSchemaMigration(migration, last);
      }
    }
  }

  /** Your SQL runs with enforcement on and every key deferred to the end (D1's model). */
  private void runUserMigration(Migration migration, boolean last) {
    ConnectionScope scope = engine.begin(true);
    try {
      Map<String, Long> before = rowCounts();
      engine.deferForeignKeys();
      RecordingDatabase db = new RecordingDatabase(engine);
      migration.body().migrate(db);
      finish(migration, before, db.named(), last);
      scope.succeed();
    } catch (MigrationException e) {
      throw e;
    } catch (ForeignKeyViolationException e) {
      throw failed(migration, "it breaks foreign keys: " + e.getMessage(), e.violations(), e);
    } catch (RuntimeException e) {
      throw failed(migration, e.getMessage(), List.of(), e);
    } finally {
      scope.end();
    }
  }

  /**
   * Steps 1, 2 and 10 to 12 of https://www.sqlite.org/lang_altertable.html#otheralter around the
   * engine's own DDL. Enforcement is off for this procedure only, on a connection no other code
   * can use meanwhile, and is read back on before the connection is used again.
   */
  private void runSchemaMigration(Migration migration, boolean last) {
    ConnectionScope hold = engine.transactions().begin(false);
    try {
      connection.exec("PRAGMA foreign_keys = OFF");
      connection.exec("BEGIN IMMEDIATE");
      boolean committed = false;
      try {
        Map<String, Long> before = rowCounts();
        Set<String> named = new HashSet<>();
        TableRebuilder rebuilder = new TableRebuilder(connection);
        for (SchemaStep step : migration.steps()) {
          if (step instanceof SchemaStep.Rebuild rebuild) {
            rebuilder.rebuild(rebuild);
          } else if (step instanceof SchemaStep.AddForeignKey key) {
            rebuilder.rebuild(key.asRebuild());
          } else {
            String ddl = ((SchemaStep.Sql) step).ddl();
            connection.execUncached(ddl);
            named.addAll(RecordingDatabase.namedIn(ddl));
          }
        }
        finish(migration, before, named, last);
        connection.exec("COMMIT");
        committed = true;
      } catch (MigrationException e) {
        throw e;
      } catch (RuntimeException e) {
        throw failed(migration, e.getMessage(), List.of(), e);
      } finally {
        if (!committed) {
          Scope.execQuietly(connection, "ROLLBACK");
        }
        restoreEnforcement();
      }
    } finally {
      hold.end();
    }
  }

  private void restoreEnforcement() {
    connection.exec("PRAGMA foreign_keys = ON");
    if (!Long.valueOf(1).equals(connection.queryValue("PRAGMA foreign_keys"))) {
      throw new KeystoneException("Foreign-key enforcement did not come back on after a migration");
    }
  }

  private void finish(Migration migration, Map<String, Long> before, Set<String> named, boolean last) {
    List<PendingViolation> pending = finder.check();
    if (!pending.isEmpty()) {
      List<ForeignKeyViolation> violations = finder.classify(pending);
      throw failed(migration, pending.size() + " foreign-key violation(s) at its end, first: "
          + violations.get(0), violations, null);
    }
    Object integrity = connection.queryValue("PRAGMA integrity_check");
    if (!"ok".equals(integrity)) {
      throw failed(migration, "PRAGMA integrity_check says: " + integrity, List.of(), null);
    }
    checkRowLoss(migration, before, named);
    if (last) {
      List<String> differences = SchemaShapes.differences(schema, connection);
      if (!differences.isEmpty()) {
        throw failed(migration, "after it the schema does not match the compiled version "
            + schema.version() + ": " + String.join("; ", differences), List.of(), null);
      }
    }
    connection.execUncached("PRAGMA user_version = " + migration.to());
  }

  private void checkRowLoss(Migration migration, Map<String, Long> before, Set<String> named) {
    Map<String, Long> after = rowCounts();
    for (Map.Entry<String, Long> table : before.entrySet()) {
      String name = table.getKey();
      Long now = after.get(name);
      boolean declared =
          named.contains(name)
              || migration.rowLossAllowed().stream().anyMatch(t -> t.equalsIgnoreCase(name));
      if (now != null && now < table.getValue() && !declared) {
        throw failed(migration, "table " + name + " lost " + (table.getValue() - now) + " of its "
            + table.getValue() + " rows although the migration neither deletes from it nor"
            + " declares it; the likely cause is a DROP TABLE or DELETE of a parent whose ON DELETE"
            + " CASCADE or SET NULL reached it (use Migration.schema(...) with a rebuild step to"
            + " change a parent table, or .allowRowLoss(\"" + name + "\") if the loss is meant)",
            List.of(), null);
      }
    }
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : connection.tables()) {
      counts.put(
          table.toLowerCase(Locale.ROOT),
          (Long) connection.queryValue("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\""));
    }
    return counts;
  }

  private static MigrationException failed(
      Migration migration, String why, List<ForeignKeyViolation> violations, Throwable cause) {
    return new MigrationException(
        migration + " failed and was rolled back, the file stays at version " + migration.from()
            + ": " + why, migration.from(), migration.to(), violations, cause);
  }
}
