package keystone.engine.sqlite.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.ForeignKey.Action;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.sqlite.SqliteStatement;
import keystone.engine.sqlite.SqliteConnection;
import keystone.engine.spi.ForeignKeyInfo;

/**
 * The cheap way to name the key behind a RESTRICT refusal, where the schema already narrows it
 * down: a plain {@code DELETE FROM t WHERE ...} on a table whose children take no ON DELETE action
 * can only have been refused by a RESTRICT key that references {@code t} directly. The rows it
 * would have deleted and that such a key still references are then read with the statement's own
 * WHERE and bindings: one SELECT, where {@link RestrictProbe} re-runs the statement with temporary
 * triggers, whose DDL costs far more. Anything else (a cascade in between, UPDATE, REPLACE, a
 * batch) returns null and takes the probe.
 */
final class DirectRestrict {
  private static final Pattern DELETE =
      Pattern.compile("(?is)\\s*DELETE\\s+FROM\\s+(?:main\\.)?(\"[^\"]+\"|\\w+)"
          + "(?:\\s+WHERE\\s+(.+?))?\\s*;?\\s*");
  private static final Pattern UNSAFE =
      Pattern.compile("(?i)\\b(RETURNING|ORDER\\s+BY|LIMIT|INDEXED|NOT\\s+INDEXED)\\b");

  private DirectRestrict() {}

  static ForeignKeyViolation find(
      SqliteConnection connection, List<ForeignKeyInfo> keys, SqliteStatement failed) {
    Matcher m = DELETE.matcher(failed.sql());
    Object[] values = failed.boundValues();
    if (!m.matches() || values == null
        || (m.group(2) != null && UNSAFE.matcher(m.group(2)).find())) {
      return null;
    }
    String table = unquote(m.group(1));
    List<ForeignKeyInfo> restricting = new ArrayList<>();
    for (ForeignKeyInfo key : keys) {
      if (!key.parentTable().equalsIgnoreCase(table)) {
        continue;
      }
      if (key.parentColumns().isEmpty()
          || (key.onDelete() != Action.RESTRICT && key.onDelete() != Action.NO_ACTION)) {
        return null;
      }
      if (key.onDelete() == Action.RESTRICT) {
        restricting.add(key);
      }
    }
    for (ForeignKeyInfo key : restricting) {
      List<Object> blocked = referencedRow(connection, key, m.group(2), values);
      if (blocked != null) {
        return new PendingViolation(key, null, blocked)
            .toViolation(ForeignKeyViolation.Kind.STILL_REFERENCED);
      }
    }
    return null;
  }

  private static List<Object> referencedRow(
      SqliteConnection connection, ForeignKeyInfo key, String where, Object[] values) {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < key.parentColumns().size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("p.").append(Sql.quote(key.parentColumns().get(i)));
    }
    sql.append(" FROM ").append(Sql.quote(key.parentTable())).append(" AS p WHERE ");
    if (where != null) {
      sql.append('(').append(where).append(") AND ");
    }
    sql.append("EXISTS (SELECT 1 FROM ").append(Sql.quote(key.childTable())).append(" AS c WHERE ");
    for (int i = 0; i < key.childColumns().size(); i++) {
      sql.append(i == 0 ? "" : " AND ").append("c.").append(Sql.quote(key.childColumns().get(i)))
          .append(" = p.").append(Sql.quote(key.parentColumns().get(i)));
    }
    sql.append(") LIMIT 1");
    SqliteStatement st = connection.prepare(sql.toString());
    try {
      st.bindAll(values);
      if (!st.step()) {
        return null;
      }
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < key.parentColumns().size(); i++) {
        row.add(st.columnValue(i));
      }
      return row;
    } finally {
      st.reset();
    }
  }

  private static String unquote(String name) {
    return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
  }
}
