package keystone.engine;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * An open Keystone database. The interface annotated with {@code @Database} extends this one; the
 * generated {@code <Name>_Impl} implements both.
 *
 * <p>Foreign-key enforcement is always on. Every call is atomic: a failed call changes nothing,
 * and inside {@link #runInTransaction} a failed call is undone alone (a savepoint) while the
 * transaction goes on, as in SQLite, which undoes only the failing statement.
 */
public interface KeystoneDatabase extends AutoCloseable {

  /** Runs {@code body} as one transaction, or as a savepoint inside the current one. */
  void runInTransaction(Runnable body);

  /**
   * Runs {@code body} as one transaction, and again, up to the policy's limit, when it fails for a
   * reason a fresh attempt may not meet (a serialization failure or deadlock on PostgreSQL and the
   * distributed engines built on its protocol, a connection lost before COMMIT, a busy SQLite
   * file); never after a connection lost during COMMIT, whose outcome is unknown. The body must be safe to run again: see
   * {@link Retry}. Inside another transaction the body runs once, as a savepoint.
   */
  void runInTransaction(Retry retry, Runnable body);

  /**
   * Runs {@code body} as one transaction and returns its result. A checked exception from the
   * body rolls back and comes out wrapped in a {@link KeystoneException}.
   */
  <R> R callInTransaction(Callable<R> body);

  /**
   * Defers every foreign key of the current transaction until its commit
   * ({@code PRAGMA defer_foreign_keys = ON}): children may be written before their parents. The
   * commit checks every key and, if any is still violated, rolls back and throws them all.
   *
   * @throws IllegalStateException outside a transaction
   */
  void deferForeignKeys();

  /**
   * What deleting the row of {@code entity} with this primary key would do, without doing it: the
   * delete runs inside a savepoint that is always rolled back, so the plan agrees with the real
   * delete, cascades, SET NULL, SET DEFAULT and blocking keys included.
   */
  DeletePlan previewDelete(Class<?> entity, Object... primaryKey);

  /**
   * What a DELETE statement (such as a {@code @Query} DELETE's SQL with its arguments) would do,
   * without doing it.
   */
  DeletePlan previewDelete(String deleteSql, Object... args);

  /** The rows {@code PRAGMA foreign_key_check} reports, as violations; empty when all hold. */
  List<ForeignKeyViolation> checkForeignKeys();

  /**
   * What SQLite's {@code PRAGMA quick_check} finds wrong with the file (damaged pages, broken
   * b-trees, rows out of order, NOT NULL or CHECK broken), one line each; empty when it is sound.
   * It reads every page, so it takes about as long as reading the file once. Foreign keys are
   * {@link #checkForeignKeys()}'s job.
   *
   * @throws UnsupportedOperationException on PostgreSQL, which checks its own pages (data
   *     checksums) and has {@code amcheck} for its indexes
   */
  List<String> checkIntegrity();

  /**
   * Runs raw SQL (DML or DDL, several statements separated by {@code ;} when there are no
   * arguments) as one atomic call, and returns the rows changed. Statements that would switch
   * enforcement off, and transaction control (use {@link #runInTransaction}), are refused.
   */
  int execute(String sql, Object... args);

  /** Runs a query; each value is a {@code Long}, {@code Double}, {@code String}, {@code byte[]} or null. */
  List<Object[]> query(String sql, Object... args);

  /** Closes the database; a transaction still open rolls back. A second close does nothing. */
  @Override
  void close();
}
