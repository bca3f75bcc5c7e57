package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a column and sets its default and uniqueness.
 *
 * <pre>{@code
 * @Column(name = "status", defaultValue = "'pending'") String status;
 * @Column(unique = true) String email;
 * }</pre>
 *
 * <p>Rules the processor enforces:
 * <ul>
 *   <li>The name defaults to the snake_case of the field ({@code userId} becomes {@code user_id});
 *       two fields of one entity may not map to the same column.
 *   <li>{@code defaultValue} is an SQL literal exactly as written in DDL ({@code "'pending'"},
 *       {@code "0"}, {@code "NULL"}); a NOT NULL column may not default to NULL.
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Column {
  /** Column name; empty means the snake_case of the field name. */
  String name() default "";

  /** SQL literal for {@code DEFAULT}; empty means no default. */
  String defaultValue() default "";

  /** Adds a single-column {@code UNIQUE} constraint. */
  boolean unique() default false;
}
