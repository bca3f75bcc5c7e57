package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as a table.
 *
 * <pre>{@code
 * @Entity(
 *     table = "order_items",
 *     foreignKeys = @CompositeForeignKey(entity = Order.class, columns = "order_id"),
 *     indices = @Index(columns = {"order_id", "product_id"}, unique = true),
 *     checks = "quantity > 0")
 * public record OrderItem(@PrimaryKey(autoGenerate = true) long id, long orderId,
 *     long productId, int quantity) {}
 * }</pre>
 *
 * <p>Rules the processor enforces:
 * <ul>
 *   <li>The table name defaults to the snake_case of the simple name ({@code OrderItem} becomes
 *       {@code order_item}); two entities of one database may not map to the same table.
 *   <li>Exactly one primary key: one {@link PrimaryKey} field, or column names in
 *       {@link #primaryKey()}, never both.
 *   <li>A record is built through its canonical constructor; a class needs a no-argument
 *       constructor and either non-private fields or JavaBean getters and setters.
 *   <li>Every persisted field has a type with a column mapping (primitives and their boxes,
 *       {@code String}, {@code byte[]}, enums).
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Entity {
  /** Table name; empty means the snake_case of the simple class name. */
  String table() default "";

  /** Column names of a composite primary key; leave empty when a field carries {@link PrimaryKey}. */
  String[] primaryKey() default {};

  /** Foreign keys over several columns (single-column ones go on the field as {@link ForeignKey}). */
  CompositeForeignKey[] foreignKeys() default {};

  /** Extra indexes. Foreign-key child columns get their index automatically. */
  Index[] indices() default {};

  /** Table CHECK constraints, as SQL expressions ({@code "ends_at > starts_at"}). */
  String[] checks() default {};

  /**
   * How names follow from Java names for this entity; when not written here, the
   * {@link Database#naming()} of the database that lists it decides.
   */
  Naming naming() default Naming.SNAKE_CASE;

  /**
   * Carry over the {@link #indices()} of superclasses that are themselves annotated
   * {@code @Entity}, as Room's {@code inheritSuperIndices}; their default names are made from
   * this entity's table.
   */
  boolean inheritSuperIndices() default false;
}
