package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves a field out of the table, or a constructor out of the ones Keystone may build an entity
 * or a query result with (as Room's {@code @Ignore} does).
 *
 * <pre>{@code
 * @Ignore transient String displayName;
 *
 * public Note(String id, String title) { ... }          // Keystone builds rows with this one
 * @Ignore public Note(String title) { this(newId(), title); }   // for the app's own use
 * }</pre>
 *
 * <p>Rules the processor enforces: a record component cannot be ignored (the canonical
 * constructor needs every component), and an ignored field cannot carry a key annotation.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface Ignore {}
