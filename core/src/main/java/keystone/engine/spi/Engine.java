package keystone.engine.spi;

import java.util.List;
import keystone.engine.DeletePlan;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import keystone.engine.KeystoneDatabase;
import keystone.engine.KeystoneException;
import keystone.engine.Retry;

/**
 * What a generated {@code <Database>_Impl} and its DAOs are given: the public database API plus
 * the atomic call scopes that generated methods run in.
 */
public interface Engine extends KeystoneDatabase {
  /** Whether the calling thread is inside a transaction of this engine. */
  boolean inTransaction();

  @Override
  default void runInTransaction(Runnable body) {
    CallScope scope = begin(true);
    try {
      body.run();
      scope.succeed();
    } finally {
      scope.end();
    }
  }

  @Override
  default <R> R callInTransaction(Callable<R> body) {
    CallScope scope = begin(true);
    try {
      R result = body.call();
      scope.succeed();
      return result;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new KeystoneException("The transaction's body threw " + e, e);
    } finally {
      scope.end();
    }
  }

  /** Only an outermost transaction is retried: inside another, the outer one must start again. */
  @Override
  default void runInTransaction(Retry retry, Runnable body) {
    retry.run(inTransaction(), () -> runInTransaction(body));
  }

  /**
   * Starts an atomic unit on the calling thread: a transaction when none is open, else a
   * savepoint inside the caller's. Always pair with {@link CallScope#end()} in a {@code finally}.
   *
   * @param write whether the unit may write; a read at top level needs no transaction
   */
  CallScope begin(boolean write);

  /**
   * Starts a read of several statements that must see one snapshot (an object graph loaded one
   * relation level at a time): a read transaction, or a savepoint inside the caller's.
   */
  CallScope beginSnapshot();

  /**
   * Starts a {@code @RawQuery} call: the SQL is guarded as {@code execute} guards it (refused
   * before anything runs), and the returned scope binds the query's arguments to the statement
   * prepared in it, and checks enforcement before it succeeds.
   */
  CallScope beginRaw(keystone.engine.SqlQuery query);

  /** Which SQL the database speaks. */
  Dialect dialect();

  /** The row of {@code entity} with this primary key, previewed as {@code DELETE ... WHERE key}. */
  @Override
  default DeletePlan previewDelete(Class<?> entity, Object... primaryKey) {
    TableInfo table = schema().tableOf(entity);
    if (table == null) {
      throw new IllegalArgumentException(entity.getName() + " is not an entity of this database");
    }
    if (primaryKey.length != table.primaryKey().size()) {
      throw new IllegalArgumentException(
          table.name() + "'s primary key is " + table.primaryKey() + ": give "
              + table.primaryKey().size() + " value(s), not " + primaryKey.length);
    }
    StringBuilder delete = new StringBuilder("DELETE FROM ").append(quoted(table.name()));
    for (int i = 0; i < table.primaryKey().size(); i++) {
      delete.append(i == 0 ? " WHERE " : " AND ")
          .append(quoted(table.primaryKey().get(i))).append(" = ?");
    }
    return previewDelete(delete.toString(), primaryKey);
  }

  /** An identifier quoted as both engines read it. */
  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** The compiled schema this engine runs. */
  Schema schema();

  /**
   * The indexes in {@link Schema#tables()} of the tables named, which generated DAOs look up once
   * when they are built, so that one DAO serves databases whose tables are in different orders.
   */
  default int[] tableIndexes(String... tables) {
    List<TableInfo> all = schema().tables();
    int[] indexes = new int[tables.length];
    for (int i = 0; i < tables.length; i++) {
      indexes[i] = -1;
      for (int t = 0; t < all.size(); t++) {
        if (all.get(t).name().equalsIgnoreCase(tables[i])) {
          indexes[i] = t;
        }
      }
      if (indexes[i] < 0) {
        throw new KeystoneException("A DAO of this database uses table " + tables[i]
            + ", which its schema does not have; rebuild it with the same keystone-processor");
      }
    }
    return indexes;
  }

  /**
   * Starts a writing unit, like {@code begin(true)}, that may change the tables at these indexes
   * of {@link Schema#tables()}: the statement's own table and every table its foreign-key actions
   * reach (CASCADE, SET NULL, SET DEFAULT), computed at compile time. Observers of those tables
   * are re-run after the transaction commits.
   */
  CallScope begin(int[] changedTables);

  /**
   * Like {@link #begin(int[])} for a call that runs exactly one statement, or one batch. When the
   * statement cannot run a foreign-key action (a plain INSERT), or its table is the parent of no
   * key with a CASCADE, SET NULL or SET DEFAULT action, SQLite's own statement atomicity is enough:
   * no BEGIN/COMMIT outside a transaction, no savepoint inside one. A statement that can cascade
   * keeps both, since one that fails deep in a cascade keeps the rows it had already changed.
   *
   * @param runsActions whether the statement can fire ON DELETE / ON UPDATE actions (a DELETE,
   *     an UPDATE, an upsert's DO UPDATE, an INSERT OR REPLACE)
   */
  CallScope beginStatement(int[] changedTables, boolean runsActions);

  /**
   * An observed query that runs {@code query} for each subscriber now and again after every
   * committed transaction that changed one of {@code readTables} (indexes of
   * {@link Schema#tables()}); the generated code adapts it to the DAO method's
   * {@code Flow.Publisher} ({@link FlowPublisher}) or RxJava type
   * ({@link ReactiveStreamsPublisher}).
   * Values are conflated: a subscriber that has not requested more gets the latest result when
   * it does, never a backlog, and a slow subscriber never holds up a writer. A null result is
   * not emitted (Reactive Streams forbids it); use {@code Optional}.
   */
  <T> Observed<T> observe(int[] readTables, Supplier<T> query);
}
