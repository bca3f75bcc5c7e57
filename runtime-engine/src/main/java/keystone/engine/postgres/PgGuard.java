package keystone.engine.postgres;

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
  private static final Pattern REPLICATION_ROLE =
      Pattern.compile("(?is)^\\s*(SET|RESET)\\s+(SESSION\\s+|LOCAL\\s+)?session_replication_role\\b.*");
  private static final Pattern DISABLE_TRIGGER =
      Pattern.compile("(?is)^\\s*ALTER\\s+TABLE\\b.*\\bDISABLE\\s+TRIGGER\\b.*");
  private static final Pattern CONSTRAINTS_DEFERRED =
      Pattern.compile("(?is)^\\s*SET\\s+CONSTRAINTS\\s+ALL\\s+DEFERRED\\s*");
  private static final Pattern CONSTRAINTS_IMMEDIATE =
      Pattern.compile("(?is)^\\s*SET\\s+CONSTRAINTS\\s+ALL\\s+IMMEDIATE\\s*");
  private static final List<String> TRANSACTION_CONTROL =
      List.of("START", "ABORT", "PREPARE");

  private PgGuard() {}

  static List<GuardedStatement> check(String sql) {
    List<GuardedStatement> statements = new ArrayList<>();
    for (String statement : SqlGuard.split(sql)) {
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

  private static KeystoneException refused(String what) {
    return new KeystoneException(
        String.format(SqlGuard.ENFORCEMENT_ALWAYS_ON, what)
            + " On PostgreSQL that is SET CONSTRAINTS ALL DEFERRED, for keys declared DEFERRABLE.");
  }
}
