package keystone.engine.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneException;
import keystone.engine.Migration;
import keystone.engine.MigrationException;
import keystone.engine.core.RecordingDatabase;
import keystone.engine.spi.Schema;

/**
 * Brings an older PostgreSQL database to the compiled version, one migration at a time, each
 * checked by {@link PgMigrationChecks} before it commits, as on SQLite: Java migrations in a
 * transaction with every key deferred to its end (D1's model), schema migrations by
 * {@link PgSchemaMigration}. The whole path is found before anything runs, so a database with no
 * complete path is left untouched.
 */
final class PgMigrator {
  private final PostgresEngine engine;
  private final Schema schema;
  private final PgMigrationChecks checks;

  PgMigrator(PostgresEngine engine, Schema schema, String versionTable) {
    this.engine = engine;
    this.schema = schema;
    this.checks = new PgMigrationChecks(engine, schema, versionTable);
  }

  void run(int from, List<Migration> migrations) {
    List<Migration> path = path(from, migrations);
    for (int i = 0; i < path.size(); i++) {
      Migration migration = path.get(i);
      boolean last = i == path.size() - 1;
      if (migration.body() == null) {
        new PgSchemaMigration(engine, migration, checks, last).run();
      } else {
        runJava(migration, last);
      }
    }
  }

  /** From each version the longest step that does not pass the compiled one, as on SQLite. */
  private List<Migration> path(int from, List<Migration> migrations) {
    List<Migration> path = new ArrayList<>();
    int at = from;
    while (at < schema.version()) {
      Migration next = null;
      for (Migration m : migrations) {
        if (m.from() == at && m.to() <= schema.version() && (next == null || m.to() > next.to())) {
          next = m;
        }
      }
      if (next == null) {
        throw new KeystoneException(
            "The PostgreSQL database is at schema version " + from + " and no migration leads"
                + " on from version " + at + " to " + schema.version() + " (known: " + migrations
                + "); it is left untouched");
      }
      path.add(next);
      at = next.to();
    }
    return path;
  }

  private void runJava(Migration migration, boolean last) {
    try {
      engine.runInTransaction(() -> {
        Map<String, Long> before = checks.rowCounts();
        engine.deferForMigration();
        RecordingDatabase db = new RecordingDatabase(engine);
        migration.body().migrate(db);
        checks.finish(migration, before, db.named(), last);
        engine.undeferCheckedKeys();
      });
    } catch (MigrationException e) {
      throw e;
    } catch (ForeignKeyViolationException e) {
      throw checks.failed(migration, "it breaks foreign keys: " + e.getMessage(), e.violations(),
          e);
    } catch (RuntimeException e) {
      throw checks.failed(migration, e.getMessage(), List.of(), e);
    }
  }
}
