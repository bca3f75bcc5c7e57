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
 * of the keys that reference it. {@code onConflict} decides what a UNIQUE or NOT NULL conflict
 * does, as in Room: {@code ABORT} (the default) fails the call, {@code IGNORE} skips that row
 * ({@code UPDATE OR IGNORE}), {@code REPLACE} deletes the rows in the way
 * ({@code UPDATE OR REPLACE}, https://www.sqlite.org/lang_conflict.html), which fires their ON
 * DELETE actions. A foreign-key error is never ignored.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Update {
  OnConflict onConflict() default OnConflict.ABORT;
}
