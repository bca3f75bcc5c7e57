package keystone.engine.raw;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import keystone.engine.KeystoneException;
import keystone.engine.SqlQuery;
import keystone.engine.guard.SqlGuard.GuardedStatement;
import keystone.engine.guard.StatementKind;
import keystone.engine.spi.CallScope;
import keystone.engine.spi.Dialect;
import keystone.engine.spi.Engine;

/**
 * {@code execute} and {@code query}: user SQL, guarded, and atomic like any DAO call. The same
 * rules on both engines; each engine supplies its guard and its bookkeeping.
 */
public final class RawSql {
  private final Engine engine;
  private final Function<String, List<GuardedStatement>> guard;
  private final Runnable markAllChanged;
  private final Runnable undeferForeignKeys;
  private final Runnable verifyEnforcement;

  /**
   * @param guard splits and classifies SQL, refusing what would switch enforcement off
   * @param markAllChanged notes that any table may have changed, cascades included
   * @param undeferForeignKeys switches deferral off, refusing while a violation is outstanding
   * @param verifyEnforcement after each statement, inside its call: throws if enforcement was
   *     switched off by a route no guard can read (the call's rollback then undoes it)
   */
  public RawSql(
      Engine engine,
      Function<String, List<GuardedStatement>> guard,
      Runnable markAllChanged,
      Runnable undeferForeignKeys,
      Runnable verifyEnforcement) {
    this.engine = engine;
    this.guard = guard;
    this.markAllChanged = markAllChanged;
    this.undeferForeignKeys = undeferForeignKeys;
    this.verifyEnforcement = verifyEnforcement;
  }

  public int execute(String sql, Object... args) {
    List<GuardedStatement> statements = guard.apply(sql);
    if (statements.size() > 1 && args.length > 0) {
      throw new KeystoneException(
          "Arguments can be bound to a single statement only; this SQL has "
              + statements.size() + " statements");
    }
    // Several statements are one transaction of their own, so they may defer keys within it.
    boolean mayDefer = engine.inTransaction() || statements.size() > 1;
    CallScope scope = engine.begin(true);
    markAllChanged.run();
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
            "Deferring keys (" + statement.sql() + ") works inside a transaction only: run it"
                + " within runInTransaction(...), or call deferForeignKeys() there");
      }
      if (statement.kind() == StatementKind.DEFER_ON) {
        engine.deferForeignKeys();
      } else {
        undeferForeignKeys.run();
      }
      return 0;
    }
    RawStatement st = (RawStatement) scope.prepare(statement.sql());
    st.bindAll(args);
    if (st.execute()) {
      st.reset();
      verifyEnforcement.run();
      return 0;
    }
    int changes = Math.max(0, st.updateCount());
    verifyEnforcement.run();
    return changes;
  }

  /**
   * Starts a {@code @RawQuery} call: one statement, guarded like {@link #execute}, in a write
   * scope when it writes (every table then counts as changed for observers, as after
   * {@code execute}) and a read one when it reads. The generated code prepares
   * {@code query.sql()} in the returned scope, which binds the arguments.
   */
  public CallScope begin(SqlQuery query) {
    List<GuardedStatement> statements = guard.apply(query.sql());
    if (statements.size() != 1) {
      throw new KeystoneException(
          "A @RawQuery runs exactly one statement; got " + statements.size());
    }
    StatementKind kind = statements.get(0).kind();
    if (kind == StatementKind.DEFER_ON || kind == StatementKind.DEFER_OFF) {
      throw new KeystoneException("Use deferForeignKeys() for " + query.sql());
    }
    boolean write = kind != StatementKind.READ;
    CallScope scope = engine.begin(write || engine.dialect() == Dialect.POSTGRES);
    if (write) {
      markAllChanged.run();
    }
    return new RawScope(scope, query.args(), verifyEnforcement);
  }

  public List<Object[]> query(String sql, Object... args) {
    List<GuardedStatement> statements = guard.apply(sql);
    if (statements.size() != 1) {
      throw new KeystoneException("query() runs exactly one statement; got " + statements.size());
    }
    GuardedStatement statement = statements.get(0);
    if (statement.kind() == StatementKind.DEFER_ON || statement.kind() == StatementKind.DEFER_OFF) {
      throw new KeystoneException("Use execute() or deferForeignKeys() for " + statement.sql());
    }
    boolean write = statement.kind() != StatementKind.READ;
    // A SELECT can call a PostgreSQL function that changes a setting or a trigger; in a
    // transaction the check after it can still take that back.
    CallScope scope = engine.begin(write || engine.dialect() == Dialect.POSTGRES);
    if (write) {
      markAllChanged.run();
    }
    try {
      RawStatement st = (RawStatement) scope.prepare(statement.sql());
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
      verifyEnforcement.run();
      scope.succeed();
      return rows;
    } finally {
      scope.end();
    }
  }
}
