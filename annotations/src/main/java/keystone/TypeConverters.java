package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts the {@link TypeConverter} methods of the named classes in scope, as Room does:
 *
 * <pre>{@code
 * @Database(entities = {Invoice.class}, version = 1)
 * @TypeConverters(MoneyConverters.class)
 * interface Billing extends KeystoneDatabase { ... }
 * }</pre>
 *
 * <p>On a {@code @Database} it applies to all its entities and DAOs; on an {@code @Entity} (or
 * a result type) to its fields; on a {@code @Dao} to its methods; on a DAO method to its
 * parameters and result; on a field (or record component) to that field. The nearest scope
 * wins, and a converter in scope wins over the built-in mapping of the same type.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
public @interface TypeConverters {
  Class<?>[] value();
}
