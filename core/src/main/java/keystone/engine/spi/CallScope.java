package keystone.engine.spi;

/**
 * One atomic DAO call, {@code @Transaction} method or raw statement. Generated code follows one
 * shape, which keeps the success path free of lambdas and allocation:
 *
 * <pre>{@code
 * CallScope scope = engine.begin(true);
 * try {
 *   SqlStatement st = scope.prepare(INSERT_USER);
 *   st.bindText(1, user.email());
 *   long id = st.executeInsert();
 *   scope.succeed();
 *   return id;
 * } finally {
 *   scope.end();
 * }
 * }</pre>
 */
public interface CallScope {
  /**
   * A prepared statement for {@code sql}, cached per connection. Bindings are not cleared between
   * uses: bind every parameter before executing.
   */
  SqlStatement prepare(String sql);

  /**
   * Marks the unit as done: releases its savepoint, or commits its transaction. A commit that
   * still holds deferred foreign-key violations rolls back and throws them.
   */
  void succeed();

  /** Rolls back unless {@link #succeed()} ran, and releases the calling thread's hold. */
  void end();
}
