package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A column {@code CHECK} constraint, as an SQL expression over the table's columns.
 *
 * <pre>{@code
 * @Check("quantity > 0") int quantity;
 * }</pre>
 *
 * <p>A failing row makes the call throw {@code CheckViolationException} naming the expression,
 * and the call changes nothing. Table-wide checks go in {@link Entity#checks()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Check {
  /** The SQL expression; it must hold (or be NULL) for every row. */
  String value();
}
