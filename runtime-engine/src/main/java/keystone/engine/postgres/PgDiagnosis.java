package keystone.engine.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.spi.Schema;

/**
 * Names every key a failed write broke. PostgreSQL stops at the first violated constraint; the
 * write is re-run with every deferrable key deferred inside a savepoint that is always rolled
 * back, and the keys compared before and after, which is what the SQLite engine does too, so both
 * engines report the same list. RESTRICT is never deferred: such a re-run fails again and the
 * server's own report stands.
 */
final class PgDiagnosis {
  /** The statement again, with its bindings. */
  @FunctionalInterface
  interface Rerun {
    Object run() throws SQLException;
  }

  private PgDiagnosis() {}

  static List<ForeignKeyViolation> rerun(PgSession session, Schema schema, Rerun statement) {
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
      List<ForeignKeyViolation> before = PgForeignKeyCheck.check(c, schema);
      try {
        statement.run();
      } catch (SQLException again) {
        return List.of();
      }
      List<ForeignKeyViolation> found = new ArrayList<>();
      for (ForeignKeyViolation v : PgForeignKeyCheck.check(c, schema)) {
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
}
