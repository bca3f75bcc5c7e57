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

  /**
   * The {@link DatabaseView} types of the database, created after the tables in this order: list
   * a view after the views it reads.
   */
  Class<?>[] views() default {};

  int version() default 1;

  /**
   * Write the schema of this version for migrations and review: {@code <version>.json} (tables,
   * columns, keys, indexes, identity hash), {@code <version>.sql} (the DDL) and
   * {@code <version>.md} (an ER diagram and what a delete reaches), to the class output under
   * {@code keystone/schemas/<qualified name>/}, and also under
   * {@code <DIR>/<qualified name>/} when javac gets {@code -Akeystone.schemaLocation=DIR}.
   */
  boolean exportSchema() default true;

  /**
   * Migrations the processor writes by comparing the schema exported for an earlier version
   * (under {@code -Akeystone.schemaLocation}) with this one; see {@link AutoMigration}.
   */
  AutoMigration[] autoMigrations() default {};

  /**
   * How every entity's table and column names follow from Java names, unless the entity says
   * otherwise with {@code @Entity(naming)}. {@link Naming#AS_DECLARED} keeps Room's names, so
   * Room's SQL ({@code WHERE accountId = :id}) and Room's files work unchanged.
   */
  Naming naming() default Naming.SNAKE_CASE;
}
