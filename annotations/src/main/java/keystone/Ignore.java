package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves a field out of the table.
 *
 * <pre>{@code
 * @Ignore transient String displayName;
 * }</pre>
 *
 * <p>Rules the processor enforces: a record component cannot be ignored (the canonical
 * constructor needs every component), and an ignored field cannot carry a key annotation.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Ignore {}
