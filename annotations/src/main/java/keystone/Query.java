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
 * there is no row.
 *
 * <p>Rules the processor enforces: every {@code :name} has a parameter and every parameter is used;
 * the SQL prepares against the generated schema; it does not switch foreign-key enforcement off.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Query {
  /** The SQL, with {@code :name} parameters. */
  String value();
}
