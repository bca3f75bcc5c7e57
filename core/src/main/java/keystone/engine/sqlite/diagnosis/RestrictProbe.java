package keystone.engine.sqlite.diagnosis;

import keystone.engine.sqlite.driver.DriverException;
import java.util.List;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.sqlite.ConstraintErrors;
import keystone.engine.sqlite.SqliteStatement;
import keystone.engine.sqlite.SqliteConnection;
import keystone.engine.spi.ForeignKeyInfo;

/**
 * Finds the parent row a RESTRICT key refused to let go by re-running the failed statement with
 * {@link RestrictTriggers} in place, which raise first and carry the key. Cascades fire them too,
 * so the key reported is the one that actually blocked, however deep. The caller's savepoint
 * rolls back both the statement and the triggers.
 */
final class RestrictProbe {
  private final SqliteConnection connection;
  private final List<ForeignKeyInfo> keys;

  RestrictProbe(SqliteConnection connection, List<ForeignKeyInfo> keys) {
    this.connection = connection;
    this.keys = keys;
  }

  List<ForeignKeyViolation> rerun(SqliteStatement failed) {
    if (!connection.raiseTakesExpressions()) {
      return recordingRerun(failed);
    }
    List<String> triggers = RestrictTriggers.create("ks_probe_", keys, true);
    if (triggers.isEmpty()) {
      return List.of();
    }
    Object recursive = install(triggers);
    try {
      failed.rerun();
      return List.of();
    } catch (DriverException raised) {
      ForeignKeyViolation found =
          RestrictTriggers.parse(ConstraintErrors.sqliteMessage(raised), keys);
      return found == null ? List.of() : List.of(found);
    } finally {
      failed.reset();
      connection.execUncached("PRAGMA recursive_triggers = " + recursive);
    }
  }

  /** Creates {@code triggers}; returns {@code recursive_triggers} as it was, now on. */
  private Object install(List<String> triggers) {
    for (String trigger : triggers) {
      connection.execUncached(trigger);
    }
    // REPLACE deletes the rows it collides with silently unless recursive triggers are on.
    Object recursive = connection.queryValue("PRAGMA recursive_triggers");
    connection.execUncached("PRAGMA recursive_triggers = ON");
    return recursive;
  }

  /**
   * The same on SQLite before 3.47, whose RAISE takes no expression: the triggers write the
   * blocked key into a temp table and stop the statement with RAISE(FAIL), which keeps that row,
   * so the first row written is the key that blocked. The RESTRICT guards, which would abort first, are dropped for the run;
   * the caller's savepoint brings them back with everything else.
   */
  private List<ForeignKeyViolation> recordingRerun(SqliteStatement failed) {
    List<String> triggers = RestrictTriggers.recording("ks_probe_", keys);
    if (triggers.isEmpty()) {
      return List.of();
    }
    for (String guard : connection.queryStrings("SELECT name FROM sqlite_temp_master"
        + " WHERE type = 'trigger' AND name LIKE 'ks\\_guard\\_%' ESCAPE '\\'")) {
      connection.execUncached("DROP TRIGGER temp." + guard);
    }
    connection.execUncached(
        "CREATE TEMP TABLE " + RestrictTriggers.HITS + " (fk INTEGER, key TEXT)");
    Object recursive = install(triggers);
    try {
      failed.rerun();
    } catch (DriverException other) {
      // The recording trigger's own stop, or another failure: what was written tells the key.
    } finally {
      failed.reset();
      connection.execUncached("PRAGMA recursive_triggers = " + recursive);
    }
    SqliteStatement hit = connection.prepare(
        "SELECT fk, key FROM temp." + RestrictTriggers.HITS + " ORDER BY rowid LIMIT 1");
    try {
      if (!hit.step()) {
        return List.of();
      }
      ForeignKeyInfo key = keys.get((int) hit.columnLong(0));
      return List.of(new PendingViolation(key, null, SqlLiterals.parseList(hit.columnText(1)))
          .toViolation(ForeignKeyViolation.Kind.STILL_REFERENCED));
    } finally {
      hit.reset();
    }
  }
}
