package keystone.engine.raw;

import keystone.engine.spi.CallScope;
import keystone.engine.spi.SqlStatement;

/**
 * The scope of one {@code @RawQuery} call: the statement it prepares gets the query's arguments,
 * and before the call succeeds the engine checks that enforcement is still on (PostgreSQL can
 * switch it off by routes no guard reads; the call's rollback then undoes them).
 */
final class RawScope implements CallScope {
  private final CallScope scope;
  private final Object[] args;
  private final Runnable verifyEnforcement;

  RawScope(CallScope scope, Object[] args, Runnable verifyEnforcement) {
    this.scope = scope;
    this.args = args;
    this.verifyEnforcement = verifyEnforcement;
  }

  @Override
  public SqlStatement prepare(String sql) {
    RawStatement st = (RawStatement) scope.prepare(sql);
    st.bindAll(args);
    return st;
  }

  @Override
  public void succeed() {
    verifyEnforcement.run();
    scope.succeed();
  }

  @Override
  public void end() {
    scope.end();
  }
}
