package keystone.engine.postgres;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.KeystoneException;
import keystone.engine.spi.ForeignKeyInfo;
import keystone.engine.spi.Schema;

/**
 * SQLite's {@code PRAGMA foreign_key_check} for PostgreSQL, which has none: one anti-join per
 * key of the compiled schema. PostgreSQL reports only the first violation of a failed commit;
 * this lists them all, so a refused commit can name every orphan.
 */
final class PgForeignKeyCheck {
  private PgForeignKeyCheck() {}

  static List<ForeignKeyViolation> check(Connection connection, Schema schema) {
    return check(connection, schema.foreignKeys());
  }

  /** Every row that breaks one of {@code keys}, whether PostgreSQL checked it or not. */
  static List<ForeignKeyViolation> check(Connection connection, List<ForeignKeyInfo> keys) {
    List<ForeignKeyViolation> found = new ArrayList<>();
    for (ForeignKeyInfo key : keys) {
      try (PreparedStatement st = connection.prepareStatement(orphans(key));
          ResultSet rows = st.executeQuery()) {
        while (rows.next()) {
          List<Object> values = new ArrayList<>();
          List<String> texts = new ArrayList<>();
          for (int i = 1; i <= key.childColumns().size(); i++) {
            Object value = rows.getObject(i);
            // Integers as Long, as SQLite's; a NUMERIC stays exact, its scale and fraction kept.
            values.add(value instanceof Number n && !(value instanceof Double)
                && !(value instanceof BigDecimal) ? (Object) n.longValue() : value);
            texts.add(rows.getString(i));
          }
          found.add(new ForeignKeyViolation(key.name(), key.childTable(), key.childColumns(),
              key.parentTable(), key.parentColumns(), values,
              ForeignKeyViolation.Kind.MISSING_PARENT, PgKeyText.of(key, texts)));
        }
      } catch (SQLException e) {
        throw PgFaults.failed("Checking foreign key " + key.name() + " failed", e);
      }
    }
    return found;
  }

  /** Whether the parent row a violation names exists (run after a rollback: then it was deleted). */
  /**
   * Found violations as they read in the state before the change: a key whose parent exists there
   * was removed or changed by it (STILL_REFERENCED); otherwise it never existed.
   */
  static List<ForeignKeyViolation> classify(Connection c, List<ForeignKeyViolation> found) {
    List<ForeignKeyViolation> classified = new ArrayList<>();
    for (ForeignKeyViolation v : found) {
      boolean removed = parentExists(c, v);
      classified.add(removed ? v.withKind(ForeignKeyViolation.Kind.STILL_REFERENCED) : v);
    }
    return classified;
  }

  private static boolean parentExists(Connection connection, ForeignKeyViolation v) {
    StringBuilder sql = new StringBuilder("SELECT 1 FROM ").append(PgSql.quote(v.parentTable()));
    for (int i = 0; i < v.parentColumns().size(); i++) {
      sql.append(i == 0 ? " WHERE " : " AND ").append(PgSql.quote(v.parentColumns().get(i)))
          .append(" = ?");
    }
    try (PreparedStatement st = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < v.key().size(); i++) {
        st.setObject(i + 1, v.key().get(i));
      }
      try (ResultSet rows = st.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      return false;
    }
  }

  private static String orphans(ForeignKeyInfo key) {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < key.childColumns().size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("c.").append(PgSql.quote(key.childColumns().get(i)));
    }
    sql.append(" FROM ").append(PgSql.quote(key.childTable())).append(" c WHERE ");
    for (String column : key.childColumns()) {
      sql.append("c.").append(PgSql.quote(column)).append(" IS NOT NULL AND ");
    }
    sql.append("NOT EXISTS (SELECT 1 FROM ").append(PgSql.quote(key.parentTable())).append(" p WHERE ");
    for (int i = 0; i < key.childColumns().size(); i++) {
      sql.append(i == 0 ? "" : " AND ").append("p.").append(PgSql.quote(key.parentColumns().get(i)))
          .append(" = c.").append(PgSql.quote(key.childColumns().get(i)));
    }
    return sql.append(")").toString();
  }
}
