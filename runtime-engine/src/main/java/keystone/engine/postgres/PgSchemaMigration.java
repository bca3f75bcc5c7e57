package keystone.engine.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.Migration;
import keystone.engine.MigrationException;
import keystone.engine.SchemaStep;

/**
 * A {@link Migration#schema} migration on PostgreSQL, where ALTER TABLE can add a key: no
 * rebuild, and a key added to a filled table goes in {@code NOT VALID} (a brief ACCESS EXCLUSIVE
 * lock, new writes checked from then on) and is validated in a second transaction (only a SHARE
 * UPDATE EXCLUSIVE lock while the existing rows are read), as
 * https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES recommends.
 * Orphans found then drop the key again, so the database stays at the old version.
 */
final class PgSchemaMigration {
  private static final Pattern INDEX_NAME =
      Pattern.compile("(?is)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?(\\w+)");

  private final PostgresEngine engine;
  private final Migration migration;
  private final String versionTable;

  PgSchemaMigration(PostgresEngine engine, Migration migration, String versionTable) {
    this.engine = engine;
    this.migration = migration;
    this.versionTable = versionTable;
  }

  void run() {
    boolean onlyKeys =
        migration.steps().stream().allMatch(step -> step instanceof SchemaStep.AddForeignKey);
    if (!onlyKeys) {
      // Other DDL cannot be taken back after a commit: everything in one transaction instead.
      try {
        engine.runInTransaction(() -> validate(apply()));
      } catch (MigrationException e) {
        throw e;
      } catch (RuntimeException e) {
        throw failed(e.getMessage(), List.of(), e);
      }
      return;
    }
    List<SchemaStep.AddForeignKey> keys = new ArrayList<>();
    engine.runInTransaction(() -> keys.addAll(apply()));
    try {
      engine.runInTransaction(() -> validate(keys));
    } catch (RuntimeException e) {
      undo(keys);
      throw e instanceof MigrationException m ? m : failed(e.getMessage(), List.of(), e);
    }
  }

  private List<SchemaStep.AddForeignKey> apply() {
    List<SchemaStep.AddForeignKey> keys = new ArrayList<>();
    for (SchemaStep step : migration.steps()) {
      if (step instanceof SchemaStep.Sql sql) {
        engine.execute(sql.ddl());
      } else if (step instanceof SchemaStep.AddForeignKey key) {
        engine.execute(
            "ALTER TABLE " + PgSql.quote(key.table()) + " ADD " + clause(key) + " NOT VALID");
        for (String index : key.indexes()) {
          engine.execute(index);
        }
        keys.add(key);
      } else {
        throw failed(
            "a table rebuild is SQLite's way to change a key; on PostgreSQL give the key"
                + " as SchemaStep.addForeignKey or the change as SchemaStep.sql (ALTER TABLE)",
            List.of(), null);
      }
    }
    return keys;
  }

  private void validate(List<SchemaStep.AddForeignKey> keys) {
    List<ForeignKeyViolation> orphans = engine.checkForeignKeys();
    if (!orphans.isEmpty()) {
      throw failed(orphans.size() + " row(s) break the new keys, first: " + orphans.get(0),
          orphans, null);
    }
    for (SchemaStep.AddForeignKey key : keys) {
      engine.execute("ALTER TABLE " + PgSql.quote(key.table()) + " VALIDATE CONSTRAINT "
          + PgSql.quote(key.constraint()));
    }
    engine.execute("UPDATE " + versionTable + " SET version = ?", migration.to());
  }

  /** The NOT VALID keys and their indexes went in with the first transaction; take them out. */
  private void undo(List<SchemaStep.AddForeignKey> keys) {
    engine.runInTransaction(
        () -> {
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
        });
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
      throw failed("its CREATE TABLE for " + key.table() + " declares no key "
          + key.constraint(), List.of(), null);
    }
    String deferral = m.group(2) != null ? m.group(2) : " DEFERRABLE INITIALLY IMMEDIATE";
    return "CONSTRAINT " + PgSql.quote(key.constraint()) + " " + m.group(1) + deferral;
  }

  private MigrationException failed(
      String why, List<ForeignKeyViolation> violations, Throwable cause) {
    return new MigrationException(
        migration + " failed and was rolled back, the database stays at version "
            + migration.from() + ": " + why, migration.from(), migration.to(), violations, cause);
  }
}
