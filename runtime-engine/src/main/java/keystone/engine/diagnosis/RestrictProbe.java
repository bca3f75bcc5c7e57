package keystone.engine.diagnosis;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import keystone.ForeignKey.Action;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.sqlite.ConstraintErrors;
import keystone.engine.sqlite.JdbcStatement;
import keystone.engine.sqlite.SqliteConnection;
import keystone.engine.spi.ForeignKeyInfo;

/**
 * Finds the parent row a RESTRICT key refused to let go. RESTRICT fires the moment the parent key
 * changes, even with {@code defer_foreign_keys} on, so the failing statement is re-run with a
 * temporary BEFORE trigger per RESTRICT key that raises first, carrying the key in its message.
 * Cascades fire these triggers too, so the key reported is the one that actually blocked, however
 * deep. Needs RAISE with an expression (SQLite 3.47+); the caller's savepoint drops the triggers.
 */
final class RestrictProbe {
  private static final String MARK = "ks_restrict:";

  private final SqliteConnection connection;
  private final ForeignKeyCatalog catalog;

  RestrictProbe(SqliteConnection connection, ForeignKeyCatalog catalog) {
    this.connection = connection;
    this.catalog = catalog;
  }

  List<ForeignKeyViolation> rerun(JdbcStatement failed) {
    List<ForeignKeyInfo> keys = catalog.all();
    boolean any = false;
    for (int i = 0; i < keys.size(); i++) {
      ForeignKeyInfo key = keys.get(i);
      if (key.onDelete() == Action.RESTRICT) {
        connection.execUncached(trigger(i, key, "DELETE", "TRUE"));
        any = true;
      }
      if (key.onUpdate() == Action.RESTRICT) {
        connection.execUncached(trigger(i, key, "UPDATE", keyChanged(key)));
        any = true;
      }
    }
    if (!any) {
      return List.of();
    }
    try {
      failed.rerun();
      return List.of();
    } catch (SQLException raised) {
      return fromMessage(ConstraintErrors.sqliteMessage(raised), keys);
    } finally {
      failed.reset();
    }
  }

  private static String trigger(int index, ForeignKeyInfo key, String event, String when) {
    StringBuilder match = new StringBuilder();
    for (int c = 0; c < key.childColumns().size(); c++) {
      match.append(c == 0 ? "" : " AND ")
          .append(Sql.quote(key.childColumns().get(c)))
          .append(" = OLD.")
          .append(Sql.quote(key.parentColumns().get(c)));
    }
    StringBuilder message = new StringBuilder("'" + MARK + index + ":'");
    for (int c = 0; c < key.parentColumns().size(); c++) {
      message.append(c == 0 ? " || " : " || ',' || ")
          .append("quote(OLD.")
          .append(Sql.quote(key.parentColumns().get(c)))
          .append(')');
    }
    return "CREATE TEMP TRIGGER ks_restrict_" + event.toLowerCase(java.util.Locale.ROOT) + "_"
        + index + " BEFORE " + event + " ON main." + Sql.quote(key.parentTable())
        + " WHEN (" + when + ") AND EXISTS (SELECT 1 FROM main." + Sql.quote(key.childTable())
        + " WHERE " + match + ") BEGIN SELECT RAISE(ABORT, " + message + "); END";
  }

  /** ON UPDATE actions run only when the key really changes (https://www.sqlite.org/foreignkeys.html). */
  private static String keyChanged(ForeignKeyInfo key) {
    StringBuilder changed = new StringBuilder();
    for (String column : key.parentColumns()) {
      changed.append(changed.length() == 0 ? "" : " OR ")
          .append("OLD.").append(Sql.quote(column))
          .append(" IS NOT NEW.").append(Sql.quote(column));
    }
    return changed.toString();
  }

  private static List<ForeignKeyViolation> fromMessage(String message, List<ForeignKeyInfo> keys) {
    int at = message.indexOf(MARK);
    if (at < 0) {
      return List.of();
    }
    String rest = message.substring(at + MARK.length());
    int colon = rest.indexOf(':');
    ForeignKeyInfo key = keys.get(Integer.parseInt(rest.substring(0, colon)));
    List<Object> values = SqlLiterals.parseList(rest.substring(colon + 1));
    List<ForeignKeyViolation> found = new ArrayList<>();
    found.add(
        new PendingViolation(key, null, values).toViolation(ForeignKeyViolation.Kind.STILL_REFERENCED));
    return found;
  }
}
