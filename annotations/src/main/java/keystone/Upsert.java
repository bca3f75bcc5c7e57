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
 *
 * <p>On SQLite older than 3.24 (Android 9 and 10), which has no upsert, the same call runs as
 * an INSERT and, on the primary key's conflict, an UPDATE of that row, with the same answers.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Upsert {}
