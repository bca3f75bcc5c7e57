package keystone.engine.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.core.WrittenTables;
import keystone.engine.spi.ForeignKeyInfo;
import keystone.engine.spi.Schema;

/**
 * Names every key a failed write broke. PostgreSQL stops at the first violated constraint; the
 * write is re-run with every deferrable key deferred inside a savepoint that is always rolled
 * back, and the keys compared before and after, which is what the SQLite engine does too, so both
 * engines report the same list. RESTRICT is never deferred: such a re-run fails again and the
 * server's own report stands. Only the keys the write can break are checked
 * ({@link WrittenTables}), unless a trigger of the user's could write elsewhere: the typed error
 * costs what the write touched, not what the database holds.
 */
final class PgDiagnosis {
  /** The statement again, with its bindings. */
  @FunctionalInterface
  interface Rerun {
    Object run() throws SQLException;
  }

  private PgDiagnosis() {}

  static List<ForeignKeyViolation> rerun(
      PgSession session, Schema schema, String sql, Rerun statement) {
    if (!session.deferrableKeys) {
      // Immediate keys fail the re-run at the same first key: the server's report stands.
      return List.of();
    }
    Connection c = session.connection();
    Savepoint savepoint;
    try {
      savepoint = c.setSavepoint();
    } catch (SQLException e) {
      return List.of();
    }
    try {
      if (!session.deferred) {
        session.exec("SET CONSTRAINTS ALL DEFERRED");
      }
      List<ForeignKeyInfo> keys = keysItCanBreak(c, schema, sql);
      List<ForeignKeyViolation> before = PgForeignKeyCheck.check(c, keys);
      try {
        statement.run();
      } catch (SQLException again) {
        return List.of();
      }
      List<ForeignKeyViolation> found = new ArrayList<>();
      for (ForeignKeyViolation v : PgForeignKeyCheck.check(c, keys)) {
        if (!before.contains(v)) {
          found.add(v);
        }
      }
      c.rollback(savepoint);
      return PgForeignKeyCheck.classify(c, found);
    } catch (SQLException | RuntimeException e) {
      return List.of();
    } finally {
      try {
        c.rollback(savepoint);
        c.releaseSavepoint(savepoint);
        if (!session.deferred) {
          session.exec("SET CONSTRAINTS ALL IMMEDIATE");
        }
      } catch (SQLException | RuntimeException ignored) {
        // The call fails either way; its own rollback ends what is left.
      }
    }
  }

  /**
   * The keys of the tables {@code sql} writes or reaches by its actions; every key when it is not
   * one plain write, or when one of those tables has a trigger of the user's (the server's own
   * triggers that enforce keys are internal).
   */
  private static List<ForeignKeyInfo> keysItCanBreak(Connection c, Schema schema, String sql)
      throws SQLException {
    List<String> tables = WrittenTables.of(sql, schema.foreignKeys());
    if (tables == null) {
      return schema.foreignKeys();
    }
    try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM pg_trigger t"
        + " JOIN pg_class r ON r.oid = t.tgrelid WHERE NOT t.tgisinternal"
        + " AND pg_table_is_visible(r.oid) AND lower(r.relname) = ANY (?)")) {
      st.setArray(1, c.createArrayOf("text",
          tables.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toArray()));
      try (ResultSet rows = st.executeQuery()) {
        rows.next();
        if (rows.getLong(1) != 0) {
          return schema.foreignKeys();
        }
      }
    }
    return WrittenTables.keysOf(tables, schema.foreignKeys());
  }
}
