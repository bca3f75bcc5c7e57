package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Flattens another type's columns into a result type returned by {@link Query}.
 *
 * <pre>{@code
 * public record UserWithOrders(@Embedded User user,
 *     @Relation(parentColumn = "id", entityColumn = "user_id") List<Order> orders) {}
 * }</pre>
 *
 * <p>{@code prefix} is prepended to each embedded column name, to tell two embedded types apart.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Embedded {
  String prefix() default "";
}
