package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the primary-key field or record component of an {@link Entity}.
 *
 * <pre>{@code
 * @Entity
 * public record User(@PrimaryKey(autoGenerate = true) long id, String email) {}
 * }</pre>
 *
 * <p>Rules the processor enforces:
 * <ul>
 *   <li>At most one field per entity carries it; composite keys use {@link Entity#primaryKey()}.
 *   <li>{@code autoGenerate} needs a {@code long} or {@code Long} field: the column becomes
 *       {@code INTEGER PRIMARY KEY} (SQLite's rowid alias), and an insert whose key holds 0
 *       (primitive) or null (boxed) gets a new id, which {@code @Insert} methods can return.
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface PrimaryKey {
  /** Let SQLite assign the key on insert (rowid alias). */
  boolean autoGenerate() default false;
}
