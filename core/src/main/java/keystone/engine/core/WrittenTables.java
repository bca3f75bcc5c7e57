package keystone.engine.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.ForeignKey;
import keystone.engine.spi.ForeignKeyInfo;

/**
 * The tables whose foreign keys a failed write can have broken, read from its SQL: for an INSERT
 * the table it writes; for an UPDATE or DELETE that table and every table that references it,
 * and, through keys with an action, theirs in turn. A diagnosis checks those tables' keys only,
 * so that the typed error costs what the write touched, not what the database holds.
 */
public final class WrittenTables {
  private static final String TABLE = "(?:(?:main|public)\\.)?(\"[^\"]+\"|\\w+)";
  private static final Pattern PLAIN_INSERT = Pattern.compile(
      "(?i)\\s*INSERT\\s+(?:OR\\s+(?:ABORT|FAIL|IGNORE|ROLLBACK)\\s+)?INTO\\s+" + TABLE);
  private static final Pattern PLAIN_UPDATE_OR_DELETE = Pattern.compile(
      "(?i)\\s*(?:UPDATE(?:\\s+OR\\s+(?:ABORT|FAIL|IGNORE|ROLLBACK))?|DELETE\\s+FROM)\\s+" + TABLE);
  private static final Pattern ON_CONFLICT = Pattern.compile("(?i)\\bON\\s+CONFLICT\\b");

  private WrittenTables() {}

  /**
   * The tables {@code sql} can break keys of, or null when it is not one plain INSERT, UPDATE or
   * DELETE (an upsert may update, a CTE or a script may write anything): then every key counts.
   * Triggers are the caller's to look for: one may write any table.
   */
  public static List<String> of(String sql, List<ForeignKeyInfo> keys) {
    if (ON_CONFLICT.matcher(sql).find()) {
      return null;
    }
    Matcher insert = PLAIN_INSERT.matcher(sql);
    if (insert.lookingAt()) {
      return new ArrayList<>(List.of(unquote(insert.group(1))));
    }
    Matcher change = PLAIN_UPDATE_OR_DELETE.matcher(sql);
    if (!change.lookingAt()) {
      return null;
    }
    List<String> tables = new ArrayList<>(List.of(unquote(change.group(1))));
    reachedByActions(tables, keys);
    return tables;
  }

  /** The keys of {@code tables} (their own, as the referencing side). */
  public static List<ForeignKeyInfo> keysOf(List<String> tables, List<ForeignKeyInfo> keys) {
    List<ForeignKeyInfo> found = new ArrayList<>();
    for (ForeignKeyInfo key : keys) {
      if (containsIgnoreCase(tables, key.childTable())) {
        found.add(key);
      }
    }
    return found;
  }

  /**
   * Adds the tables that reference one the statement writes. A key with an action writes its
   * referencing table too, so that table's referencing tables follow; either action counts,
   * whether the statement deletes or updates, since SET NULL turns a delete into an update one
   * level down.
   */
  private static void reachedByActions(List<String> tables, List<ForeignKeyInfo> keys) {
    List<String> written = new ArrayList<>(tables);
    for (int i = 0; i < written.size(); i++) {
      for (ForeignKeyInfo key : keys) {
        if (!key.parentTable().equalsIgnoreCase(written.get(i))) {
          continue;
        }
        if (!containsIgnoreCase(tables, key.childTable())) {
          tables.add(key.childTable());
        }
        if ((acts(key.onDelete()) || acts(key.onUpdate()))
            && !containsIgnoreCase(written, key.childTable())) {
          written.add(key.childTable());
        }
      }
    }
  }

  private static boolean acts(ForeignKey.Action action) {
    return action.ordinal() >= ForeignKey.Action.SET_NULL.ordinal();
  }

  private static boolean containsIgnoreCase(List<String> names, String name) {
    for (String each : names) {
      if (each.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static String unquote(String name) {
    return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
  }
}
