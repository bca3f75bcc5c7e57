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
 * <p>On an abstract {@link Query} method, as Room apps write it for relations, it is accepted
 * and means what Keystone does anyway: the query and its {@link Relation}s are read in one
 * snapshot (one read transaction). On other abstract DAO methods it changes nothing: each already
 * runs in one transaction.
 *
 * <p>Nested inside another transaction it becomes a savepoint: if the method throws, its writes
 * are undone and the exception goes on; the outer transaction stays usable.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Transaction {}
