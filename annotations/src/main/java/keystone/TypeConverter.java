package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks one direction of a conversion between a type of yours and a built-in column type, in a
 * class named by {@link TypeConverters}. As in Room, a pair of methods makes a converter:
 *
 * <pre>{@code
 * public final class MoneyConverters {
 *   @TypeConverter public static BigDecimal toColumn(Money m) { return m == null ? null : m.amount(); }
 *   @TypeConverter public static Money fromColumn(BigDecimal d) { return d == null ? null : new Money(d); }
 * }
 * }</pre>
 *
 * <p>Rules the processor enforces, each an error on the method: exactly one parameter and a
 * non-void result; one side (the column side) must be a built-in column type (a primitive, its
 * box, {@code String}, {@code byte[]}, an enum, a {@code java.time} type, {@code UUID},
 * {@code BigDecimal} or {@code BigInteger}) and the other not one of the SQL basics (primitive,
 * box, {@code String}, {@code byte[]}); both directions must exist; one scope may convert a type
 * only one way. Methods may be static, or instance methods of a class with a no-argument
 * constructor: each generated DAO makes one instance and calls it directly, with no reflection.
 * Generated code hands the converters null when the column is NULL, as Room does.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface TypeConverter {}
