package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs SQL with named parameters bound from the method's parameters.
 *
 * <pre>{@code
 * @Query("SELECT * FROM orders WHERE user_id = :userId AND status IN (:statuses)")
 * List<Order> find(long userId, List<String> statuses);
 *
 * @Query("DELETE FROM orders WHERE id = :id") int delete(long id);
 * }</pre>
 *
 * <p>A collection parameter expands inside {@code IN (:xs)}. Returns {@code void}/{@code int} for
 * DML; for SELECT an entity, a record or class whose fields match result columns by name, a scalar,
 * {@code Optional<T>} or {@code List<T>}; a single-row type gives null (or an empty Optional) when
 * there is no row. A result type may carry {@link Embedded} and {@link Relation} properties: the
 * related rows are loaded one query per relation level, in one read snapshot.
 *
 * <p>A SELECT may also return {@code java.util.concurrent.Flow.Publisher<List<T>>},
 * {@code Publisher<Optional<T>>} or {@code Publisher<T>}: the query runs for each subscriber and
 * again after every committed transaction that changed a table it reads, including tables that a
 * foreign-key action (CASCADE, SET NULL, SET DEFAULT) changed; rolled-back transactions emit
 * nothing. Values are conflated: a slow subscriber gets the latest result when it requests more,
 * never a backlog, and never holds up a writer. Reactive Streams forbids null, so
 * {@code Publisher<T>} emits nothing while there is no row; prefer {@code Publisher<Optional<T>>}
 * to hear that a row went away.
 *
 * <pre>{@code
 * @Query("SELECT * FROM users WHERE id = :id") Flow.Publisher<Optional<User>> watch(long id);
 * }</pre>
 *
 * <p>SQL that is portable is written once and runs on SQLite and on PostgreSQL alike. Where it is
 * not, {@link #postgres} gives the statement PostgreSQL runs instead; the database picks one of the
 * two once, when it opens:
 *
 * <pre>{@code
 * @Query(value = "SELECT strftime('%Y-%m', placed_at) AS month, group_concat(status, ',') AS"
 *     + " statuses FROM orders WHERE user_id = :userId AND id IN (:ids) GROUP BY month",
 *     postgres = "SELECT to_char(placed_at, 'YYYY-MM') AS month, string_agg(status, ',') AS"
 *     + " statuses FROM orders WHERE user_id = :userId AND id IN (:ids) GROUP BY month")
 * List<MonthStatuses> months(long userId, List<Long> ids);
 * }</pre>
 *
 * <p>Rules the processor enforces: every {@code :name} has a parameter and every parameter is used;
 * the SQL prepares against the generated schema; it does not switch foreign-key enforcement off.
 * A {@code postgres} variant uses the same parameters in the same order as {@link #value} (so one
 * binding serves both, a collection expanding inside {@code IN (:xs)} in each), both statements
 * read or both write, and the variant does not switch enforcement off either
 * ({@code SET session_replication_role}, {@code DISABLE TRIGGER}). It cannot be prepared at
 * compile time: that it runs, and returns the columns {@link #value} returns, by name and in
 * order, is for a test against PostgreSQL to show.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Query {
  /** The SQL, with {@code :name} parameters. */
  String value();

  /**
   * The statement to run on PostgreSQL instead of {@link #value}, with the same {@code :name}
   * parameters in the same order; empty (the default) when {@link #value} is portable. A
   * {@code ::type} cast is not a parameter.
   */
  String postgres() default "";
}
