package keystone.engine.internal;

import java.util.ArrayList;
import java.util.List;
import keystone.engine.KeystoneException;
import keystone.engine.guard.SqlGuard;
import keystone.engine.guard.SqlGuard.GuardedStatement;
import keystone.engine.guard.StatementKind;
import keystone.engine.sqlite.JdbcStatement;
import keystone.engine.spi.CallScope;

/** {@code execute} and {@code query}: user SQL, guarded, and atomic like any DAO call. */
final class RawSql {
  private final SqliteEngine engine;

  RawSql(SqliteEngine engine) {
    this.engine = engine;
  }

  int execute(String sql, Object... args) {
    List<GuardedStatement> statements = SqlGuard.check(sql);
    if (statements.size() > 1 && args.length > 0) {
      throw new KeystoneException(
          "Arguments can be bound to a single statement only; this SQL has "
              + statements.size() + " statements");
    }
    // Several statements are one transaction of their own, so they may defer keys within it.
    boolean mayDefer =
        engine.transactions().inTransactionOnThisThread() || statements.size() > 1;
    CallScope scope = engine.begin(true);
    engine.markAllChanged();
    try {
      int changes = 0;
      for (GuardedStatement statement : statements) {
        changes += run(scope, statement, mayDefer, args);
      }
      scope.succeed();
      return changes;
    } finally {
      scope.end();
    }
  }

  private int run(CallScope scope, GuardedStatement statement, boolean mayDefer, Object[] args) {
    if (statement.kind() == StatementKind.DEFER_ON || statement.kind() == StatementKind.DEFER_OFF) {
      if (!mayDefer) {
        throw new IllegalStateException(
            "PRAGMA defer_foreign_keys works inside a transaction only: run it within"
                + " runInTransaction(...) or deferForeignKeys()");
      }
      if (statement.kind() == StatementKind.DEFER_ON) {
        engine.deferForeignKeys();
      } else {
        engine.undeferForeignKeys();
      }
      return 0;
    }
    JdbcStatement st = (JdbcStatement) scope.prepare(statement.sql());
    st.bindAll(args);
    if (st.execute()) {
      st.reset();
      return 0;
    }
    return Math.max(0, st.updateCount());
  }

  List<Object[]> query(String sql, Object... args) {
    List<GuardedStatement> statements = SqlGuard.check(sql);
    if (statements.size() != 1) {
      throw new KeystoneException("query() runs exactly one statement; got " + statements.size());
    }
    GuardedStatement statement = statements.get(0);
    if (statement.kind() == StatementKind.DEFER_ON || statement.kind() == StatementKind.DEFER_OFF) {
      throw new KeystoneException("Use execute() or deferForeignKeys() for " + statement.sql());
    }
    boolean write = statement.kind() != StatementKind.READ;
    CallScope scope = engine.begin(write);
    if (write) {
      engine.markAllChanged();
    }
    try {
      JdbcStatement st = (JdbcStatement) scope.prepare(statement.sql());
      st.bindAll(args);
      List<Object[]> rows = new ArrayList<>();
      try {
        if (st.execute()) {
          int columns = st.columnCount();
          while (st.step()) {
            Object[] row = new Object[columns];
            for (int i = 0; i < columns; i++) {
              row[i] = st.columnValue(i);
            }
            rows.add(row);
          }
        }
      } finally {
        st.reset();
      }
      scope.succeed();
      return rows;
    } finally {
      scope.end();
    }
  }
}
