package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inserts one entity, varargs, or an {@code Iterable} of them.
 *
 * <pre>{@code
 * @Insert long insert(User user);
 * @Insert(onConflict = OnConflict.IGNORE) List<Long> insertAll(List<User> users);
 * }</pre>
 *
 * <p>Returns {@code void}, {@code long} or {@code Long} (the rowid of one entity), {@code long[]}
 * or {@code List<Long>}; several entities returning {@code void} run as one batch. Rules the
 * processor enforces: the parameter is an entity of the database (or varargs/Iterable of one);
 * the return type matches the parameter's arity. REPLACE on a parent of an ON DELETE CASCADE /
 * SET NULL / SET DEFAULT key draws a warning that points to {@link Upsert}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Insert {
  OnConflict onConflict() default OnConflict.ABORT;
}
