package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The database: its entities, version, and DAOs.
 *
 * <pre>{@code
 * @Database(entities = {User.class, Order.class}, version = 1)
 * public interface ShopDatabase extends KeystoneDatabase {
 *   UserDao users();
 *   OrderDao orders();
 * }
 *
 * try (ShopDatabase db = Keystone.open(ShopDatabase.class, Path.of("shop.db"))) { ... }
 * }</pre>
 *
 * <p>Rules the processor enforces: the type is an interface or abstract class extending
 * {@code keystone.engine.KeystoneDatabase}; its abstract methods take no arguments and return a
 * {@link Dao}; every entity a foreign key names is listed here. The processor generates
 * {@code <Name>_Impl} beside it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Database {
  Class<?>[] entities();

  int version() default 1;

  /** Write the schema as JSON for migrations and review. */
  boolean exportSchema() default true;
}
