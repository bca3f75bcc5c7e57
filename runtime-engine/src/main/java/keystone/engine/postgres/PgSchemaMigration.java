package keystone.engine.postgres;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.engine.Migration;
import keystone.engine.MigrationException;
import keystone.engine.SchemaStep;
import keystone.engine.core.RecordingDatabase;

/**
 * A {@link Migration#schema} migration on PostgreSQL, where ALTER TABLE changes tables in place:
 * no rebuild. PostgreSQL's DDL is transactional, so the steps, the checks of
 * {@link PgMigrationChecks} and the version bump are one transaction, all or nothing.
 *
 * <p>A migration that only adds keys runs in two: a key added to a filled table goes in
 * {@code NOT VALID} (a brief ACCESS EXCLUSIVE lock, new writes checked from then on) and is
 * validated in a second transaction (only a SHARE UPDATE EXCLUSIVE lock while the existing rows
 * are read), as https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES
 * recommends. Orphans found then drop the key again, so the database stays at the old version.
 */
final class PgSchemaMigration {
  private static final Pattern INDEX_NAME =
      Pattern.compile("(?is)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?(\\w+)");

  private final PostgresEngine engine;
  private final Migration migration;
  private final PgMigrationChecks checks;
  private final boolean last;

  /** @param last whether the migration brings the database to the compiled version */
  PgSchemaMigration(
      PostgresEngine engine, Migration migration, PgMigrationChecks checks, boolean last) {
    this.engine = engine;
    this.migration = migration;
    this.checks = checks;
    this.last = last;
  }

  void run() {
    boolean onlyKeys =
        migration.steps().stream().allMatch(step -> step instanceof SchemaStep.AddForeignKey);
    if (!onlyKeys) {
      // Other DDL cannot be taken back after a commit: everything in one transaction instead.
      guarded(() -> engine.runInTransaction(() -> {
        Map<String, Long> before = checks.rowCounts();
        Set<String> named = new HashSet<>();
        validate(apply(named), before, named);
      }));
      return;
    }
    List<SchemaStep.AddForeignKey> keys = new ArrayList<>();
    migration.steps().forEach(step -> keys.add((SchemaStep.AddForeignKey) step));
    guarded(() -> engine.runInTransaction(() -> {
      // A crash between the two transactions leaves the NOT VALID key behind: start clean.
      undo(keys);
      apply(new HashSet<>());
    }));
    try {
      guarded(() -> engine.runInTransaction(() -> validate(keys, Map.of(), Set.of())));
    } catch (MigrationException e) {
      engine.runInTransaction(() -> undo(keys));
      throw e;
    }
  }

  private void guarded(Runnable body) {
    try {
      body.run();
    } catch (MigrationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw checks.failed(migration, e.getMessage(), List.of(), e);
    }
  }

  /** Runs the steps; returns the keys added NOT VALID, and notes the tables DDL drops. */
  private List<SchemaStep.AddForeignKey> apply(Set<String> named) {
    List<SchemaStep.AddForeignKey> keys = new ArrayList<>();
    for (SchemaStep step : migration.steps()) {
      if (step instanceof SchemaStep.Sql sql) {
        engine.execute(engine.keyDdl(sql.ddl()));
        named.addAll(RecordingDatabase.namedIn(sql.ddl()));
      } else if (step instanceof SchemaStep.AddForeignKey key) {
        engine.execute(
            "ALTER TABLE " + PgSql.quote(key.table()) + " ADD " + clause(key) + " NOT VALID");
        for (String index : key.indexes()) {
          engine.execute(index);
        }
        keys.add(key);
      } else {
        SchemaStep.Rebuild rebuild = (SchemaStep.Rebuild) step;
        throw checks.failed(migration, "it rebuilds table " + rebuild.table() + ", which is"
            + " SQLite's way to change what its ALTER TABLE cannot; PostgreSQL's ALTER TABLE"
            + " changes a table in place but adds columns only at the end and Keystone does not"
            + " rebuild tables there: give PostgreSQL SchemaStep.sql (ALTER TABLE) and"
            + " SchemaStep.addForeignKey steps, or a Migration.of of your own", List.of(), null);
      }
    }
    return keys;
  }

  private void validate(
      List<SchemaStep.AddForeignKey> keys, Map<String, Long> before, Set<String> named) {
    checks.keys(migration);
    for (SchemaStep.AddForeignKey key : keys) {
      engine.execute("ALTER TABLE " + PgSql.quote(key.table()) + " VALIDATE CONSTRAINT "
          + PgSql.quote(key.constraint()));
    }
    checks.finish(migration, before, named, last);
  }

  /** The NOT VALID keys and their indexes went in with the first transaction; take them out. */
  private void undo(List<SchemaStep.AddForeignKey> keys) {
    for (SchemaStep.AddForeignKey key : keys) {
      engine.execute("ALTER TABLE " + PgSql.quote(key.table()) + " DROP CONSTRAINT IF EXISTS "
          + PgSql.quote(key.constraint()));
      for (String index : key.indexes()) {
        Matcher name = INDEX_NAME.matcher(index);
        if (name.find()) {
          engine.execute("DROP INDEX IF EXISTS " + PgSql.quote(name.group(1)));
        }
      }
    }
  }

  /** The key's clause as the CREATE TABLE declares it, made deferrable like every Keystone key. */
  private String clause(SchemaStep.AddForeignKey key) {
    Pattern declared =
        Pattern.compile(
            "(?is)CONSTRAINT\\s+\"?" + Pattern.quote(key.constraint())
                + "\"?\\s+(FOREIGN\\s+KEY\\s*\\([^)]*\\)\\s*REFERENCES\\s+\\S+\\s*\\([^)]*\\)"
                + "(?:\\s+ON\\s+(?:DELETE|UPDATE)\\s+(?:NO\\s+ACTION|RESTRICT|SET\\s+NULL|SET\\s+DEFAULT"
                + "|CASCADE))*)(\\s+DEFERRABLE\\s+INITIALLY\\s+(?:DEFERRED|IMMEDIATE))?");
    Matcher m = declared.matcher(key.createTable());
    if (!m.find()) {
      throw checks.failed(migration, "its CREATE TABLE for " + key.table() + " declares no key "
          + key.constraint(), List.of(), null);
    }
    String deferral = m.group(2) != null ? m.group(2) : " DEFERRABLE INITIALLY IMMEDIATE";
    return engine.keyDdl(
        "CONSTRAINT " + PgSql.quote(key.constraint()) + " " + m.group(1) + deferral);
  }
}
