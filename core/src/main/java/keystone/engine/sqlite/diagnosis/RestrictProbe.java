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
    List<String> triggers =
        RestrictTriggers.create("ks_probe_", keys, connection.raiseTakesExpressions());
    if (triggers.isEmpty()) {
      return List.of();
    }
    for (String trigger : triggers) {
      connection.execUncached(trigger);
    }
    // REPLACE deletes the rows it collides with silently unless recursive triggers are on.
    Object recursive = connection.queryValue("PRAGMA recursive_triggers");
    connection.execUncached("PRAGMA recursive_triggers = ON");
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
}
