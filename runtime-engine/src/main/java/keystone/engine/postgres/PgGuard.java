package keystone.engine.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import keystone.engine.KeystoneException;
import keystone.engine.guard.SqlGuard;
import keystone.engine.guard.SqlGuard.GuardedStatement;
import keystone.engine.guard.StatementKind;

/**
 * PostgreSQL's ways around foreign keys, refused like SQLite's pragmas: replica mode skips the
 * triggers that enforce them, and a disabled trigger is a disabled key. {@code SET CONSTRAINTS}
 * and SQLite's {@code PRAGMA defer_foreign_keys} both mean deferral, so portable code keeps working.
 */
final class PgGuard {
  // Anywhere in the text, string literals included: set_config('session_replication_role', ...),
  // an UPDATE of pg_settings, ALTER ROLE ... SET, or either inside a DO block.
  private static final Pattern REPLICATION_ROLE =
      Pattern.compile("(?is).*\\bsession_replication_role\\b.*");
  private static final Pattern DISABLE_TRIGGER =
      Pattern.compile("(?is).*\\b(DISABLE|ENABLE\\s+REPLICA)\\s+TRIGGER\\b.*");
  /**
   * What the text cannot show (a name built by concatenation inside a DO block or a function):
   * the first route around the keys found switched on, or NULL.
   */
  private static final String ENFORCEMENT_STATE =
      "SELECT CASE WHEN current_setting('session_replication_role') <> 'origin'"
          + " THEN 'SET session_replication_role'"
          + " WHEN EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_constraint c ON c.oid = t.tgconstraint"
          + " WHERE c.contype = 'f' AND t.tgenabled IN ('D', 'R'))"
          + " THEN 'ALTER TABLE ... DISABLE TRIGGER'"
          + " WHEN EXISTS (SELECT 1 FROM pg_db_role_setting s, unnest(s.setconfig) AS c(setting)"
          + " WHERE c.setting LIKE 'session\\_replication\\_role=%'"
          + " AND c.setting <> 'session_replication_role=origin')"
          + " THEN 'ALTER ROLE/DATABASE ... SET session_replication_role' END";
  private static final Pattern CONSTRAINTS_DEFERRED =
      Pattern.compile("(?is)^\\s*SET\\s+CONSTRAINTS\\s+ALL\\s+DEFERRED\\s*");
  private static final Pattern CONSTRAINTS_IMMEDIATE =
      Pattern.compile("(?is)^\\s*SET\\s+CONSTRAINTS\\s+ALL\\s+IMMEDIATE\\s*");
  private static final List<String> TRANSACTION_CONTROL =
      List.of("START", "ABORT", "PREPARE");

  private PgGuard() {}

  static List<GuardedStatement> check(String sql) {
    List<GuardedStatement> statements = new ArrayList<>();
    for (String statement : SqlGuard.splitPostgres(sql)) {
      statements.add(new GuardedStatement(statement, classify(statement)));
    }
    if (statements.isEmpty()) {
      throw new KeystoneException("No SQL statement in: " + sql);
    }
    return statements;
  }

  private static StatementKind classify(String statement) {
    String first = statement.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    if (TRANSACTION_CONTROL.contains(first)) {
      throw new KeystoneException(
          "Transaction control (" + first + ") is refused in raw SQL: Keystone runs every call"
              + " atomically; use db.runInTransaction(...) for a transaction of several calls.");
    }
    if (REPLICATION_ROLE.matcher(statement).matches()) {
      throw refused("SET session_replication_role");
    }
    if (DISABLE_TRIGGER.matcher(statement).matches()) {
      throw refused("ALTER TABLE ... DISABLE TRIGGER");
    }
    if (CONSTRAINTS_DEFERRED.matcher(statement).matches()) {
      return StatementKind.DEFER_ON;
    }
    if (CONSTRAINTS_IMMEDIATE.matcher(statement).matches()) {
      return StatementKind.DEFER_OFF;
    }
    StatementKind kind = SqlGuard.classify(statement);
    if (first.equals("PRAGMA") && kind != StatementKind.DEFER_ON && kind != StatementKind.DEFER_OFF) {
      throw new KeystoneException("PRAGMA is SQLite's; PostgreSQL has none: " + statement);
    }
    if (first.equals("WITH") || first.equals("SHOW")) {
      return first.equals("SHOW") ? StatementKind.READ : StatementKind.WRITE;
    }
    return kind;
  }

  /**
   * Throws if a statement switched enforcement off after all; the caller's call then rolls back,
   * and PostgreSQL's settings and catalogs roll back with it.
   */
  static void verify(Connection connection) {
    try (PreparedStatement st = connection.prepareStatement(ENFORCEMENT_STATE);
        ResultSet rows = st.executeQuery()) {
      String route = rows.next() ? rows.getString(1) : null;
      if (route != null) {
        throw refused(route);
      }
    } catch (SQLException e) {
      throw PgFaults.failed("Could not check foreign-key enforcement", e);
    }
  }

  private static KeystoneException refused(String what) {
    return new KeystoneException(
        String.format(SqlGuard.ENFORCEMENT_ALWAYS_ON, what)
            + " On PostgreSQL that is SET CONSTRAINTS ALL DEFERRED, for keys declared DEFERRABLE.");
  }
}
