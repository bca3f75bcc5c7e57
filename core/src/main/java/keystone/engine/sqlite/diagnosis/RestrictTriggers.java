package keystone.engine.sqlite.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import keystone.ForeignKey.Action;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.spi.ForeignKeyInfo;

/**
 * Temporary BEFORE triggers that stop a change to a parent row a RESTRICT key still protects,
 * with a message that names the constraint and carries the parent key. They serve twice: as
 * probes that find which row a failed statement was blocked on, and as the guard that keeps
 * RESTRICT immediate while {@code defer_foreign_keys} is on (SQLite then defers RESTRICT to the
 * commit like NO ACTION). The key values ride in RAISE's message, which takes an expression from
 * SQLite 3.47 on; older SQLite (Android's) takes only a literal, so there the message names the
 * constraint alone and the diagnosis looks the values up where it can ({@link DirectRestrict}).
 */
public final class RestrictTriggers {
  private static final String MARK = "ks_restrict[";
  /** The temp table {@link #recording} triggers write to. */
  static final String HITS = "ks_restrict_hit";

  private RestrictTriggers() {}

  /** CREATE TEMP TRIGGER statements for every RESTRICT action among {@code keys}. */
  public static List<String> create(
      String prefix, List<ForeignKeyInfo> keys, boolean withValues) {
    return create(prefix, keys, key -> true, withValues);
  }

  /**
   * The same for the keys {@code include} accepts; each trigger keeps the name its key's position
   * in {@code keys} gives it, so {@link #drop} with the same list removes them.
   */
  public static List<String> create(String prefix, List<ForeignKeyInfo> keys,
      Predicate<ForeignKeyInfo> include, boolean withValues) {
    List<String> ddl = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      ForeignKeyInfo key = keys.get(i);
      if (!include.test(key)) {
        continue;
      }
      if (key.onDelete() == Action.RESTRICT) {
        ddl.add(trigger(name(prefix, "delete", i), key, "DELETE", "1", withValues));
      }
      if (key.onUpdate() == Action.RESTRICT) {
        ddl.add(trigger(name(prefix, "update", i), key, "UPDATE", keyChanged(key), withValues));
      }
    }
    return ddl;
  }

  /**
   * Triggers that write the blocked key (its position in {@code keys}, and its values as SQL
   * literals) into {@link #HITS} and then stop the statement with {@code RAISE(FAIL)}: for SQLite
   * whose RAISE takes no expression. FAIL, unlike ABORT or IGNORE, keeps what the statement wrote
   * before it (https://www.sqlite.org/lang_conflict.html), so the row outlives the failure; with
   * IGNORE a REPLACE whose delete was skipped failed on its own UNIQUE key and took the row along.
   * The INSERT names the temp table unqualified, as such a SQLite requires.
   */
  static List<String> recording(String prefix, List<ForeignKeyInfo> keys) {
    List<String> ddl = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      ForeignKeyInfo key = keys.get(i);
      String body = " BEGIN INSERT INTO " + HITS + " VALUES (" + i + ", " + quotedKey(key)
          + "); SELECT RAISE(FAIL, 'ks_restrict_hit'); END";
      if (key.onDelete() == Action.RESTRICT) {
        ddl.add(header(name(prefix, "delete", i), key, "DELETE", "1") + body);
      }
      if (key.onUpdate() == Action.RESTRICT) {
        ddl.add(header(name(prefix, "update", i), key, "UPDATE", keyChanged(key)) + body);
      }
    }
    return ddl;
  }

  /** The parent key of OLD as SQL literals joined by commas, as {@link SqlLiterals} reads them. */
  static String quotedKey(ForeignKeyInfo key) {
    StringBuilder sql = new StringBuilder();
    for (int c = 0; c < key.parentColumns().size(); c++) {
      sql.append(c == 0 ? "" : " || ',' || ").append("quote(OLD.")
          .append(Sql.quote(key.parentColumns().get(c))).append(')');
    }
    return sql.toString();
  }

  /** DROP statements matching {@link #create}. */
  public static List<String> drop(String prefix, List<ForeignKeyInfo> keys) {
    List<String> ddl = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).onDelete() == Action.RESTRICT) {
        ddl.add("DROP TRIGGER IF EXISTS temp." + name(prefix, "delete", i));
      }
      if (keys.get(i).onUpdate() == Action.RESTRICT) {
        ddl.add("DROP TRIGGER IF EXISTS temp." + name(prefix, "update", i));
      }
    }
    return ddl;
  }

  /** The violation a trigger's message describes, or null when the message is not one of ours. */
  static ForeignKeyViolation parse(String message, List<ForeignKeyInfo> keys) {
    int at = message.indexOf(MARK);
    int close = message.indexOf(']', at + MARK.length());
    if (at < 0 || close < 0) {
      return null;
    }
    String constraint = message.substring(at + MARK.length(), close);
    String values = message.substring(close + 1);
    if (values.endsWith(")")) {
      values = values.substring(0, values.length() - 1);
    }
    for (ForeignKeyInfo key : keys) {
      if (key.name().equals(constraint)) {
        // Without values (older SQLite, see above) the violation names the key alone.
        return new PendingViolation(
            key, null, values.isEmpty() ? List.of() : SqlLiterals.parseList(values))
            .toViolation(ForeignKeyViolation.Kind.STILL_REFERENCED);
      }
    }
    return null;
  }

  private static String name(String prefix, String event, int index) {
    return prefix + event + "_" + index;
  }

  private static String trigger(
      String name, ForeignKeyInfo key, String event, String when, boolean withValues) {
    String constraint = key.name().replace("'", "''");
    String message = "'FOREIGN KEY constraint failed: " + MARK + constraint + "]'"
        + (withValues ? " || " + quotedKey(key) : "");
    return header(name, key, event, when) + " BEGIN SELECT RAISE(ABORT, " + message + "); END";
  }

  /** The trigger up to its body: before {@code event} on a parent row a child still references. */
  private static String header(String name, ForeignKeyInfo key, String event, String when) {
    StringBuilder match = new StringBuilder();
    for (int c = 0; c < key.childColumns().size(); c++) {
      match.append(c == 0 ? "" : " AND ")
          .append(Sql.quote(key.childColumns().get(c)))
          .append(" = OLD.")
          .append(Sql.quote(key.parentColumns().get(c)));
    }
    return "CREATE TEMP TRIGGER IF NOT EXISTS " + name + " BEFORE " + event + " ON main."
        + Sql.quote(key.parentTable()) + " WHEN (" + when + ") AND EXISTS (SELECT 1 FROM main."
        + Sql.quote(key.childTable()) + " WHERE " + match + ")";
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
}
