package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Deletes rows by primary key, from one entity, varargs or an {@code Iterable}.
 *
 * <pre>{@code
 * @Delete int delete(User user);
 * }</pre>
 *
 * <p>Returns {@code void} or {@code int} (rows deleted). Fires the ON DELETE actions of the keys
 * that reference the row; a RESTRICT or NO ACTION key that still has children fails the call with
 * a {@code ForeignKeyViolationException} and nothing is deleted.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Delete {}
