package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a default (interface) or concrete (abstract class) DAO method as one transaction.
 *
 * <pre>{@code
 * @Transaction
 * default void placeOrder(Order order, List<OrderItem> items) {
 *   insert(order);
 *   insertItems(items);
 * }
 * }</pre>
 *
 * <p>Nested inside another transaction it becomes a savepoint: if the method throws, its writes
 * are undone and the exception goes on; the outer transaction stays usable.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Transaction {}
