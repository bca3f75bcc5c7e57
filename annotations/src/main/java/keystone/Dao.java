package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An interface or abstract class whose methods the processor implements.
 *
 * <pre>{@code
 * @Dao
 * public interface OrderDao {
 *   @Insert long insert(Order order);
 *   @Query("SELECT * FROM orders WHERE user_id = :userId") List<Order> forUser(long userId);
 *   @Delete int delete(Order order);
 * }
 * }</pre>
 *
 * <p>Every call is atomic: it runs in the caller's transaction (inside a savepoint) or in an
 * implicit transaction of its own, and a failed call changes nothing. Abstract methods must carry
 * exactly one of {@link Insert}, {@link Upsert}, {@link Update}, {@link Delete} or {@link Query}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Dao {}
