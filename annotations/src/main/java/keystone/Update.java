package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Updates rows by primary key, from one entity, varargs or an {@code Iterable}.
 *
 * <pre>{@code
 * @Update int rename(Category category);
 * }</pre>
 *
 * <p>Returns {@code void} or {@code int} (rows changed). A changed key fires the ON UPDATE actions
 * of the keys that reference it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Update {}
