package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inserts, or updates in place when the primary key exists:
 * {@code INSERT ... ON CONFLICT (pk) DO UPDATE SET ...}.
 *
 * <pre>{@code
 * @Upsert void save(Product product);
 * }</pre>
 *
 * <p>Unlike {@code @Insert(onConflict = REPLACE)} it never deletes, so it never fires ON DELETE
 * actions: children of the row survive. Takes and returns what {@link Insert} does.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Upsert {}
