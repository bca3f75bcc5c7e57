package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The junction table of a many-to-many {@link Relation}.
 *
 * <pre>{@code
 * @Junction(value = PostTag.class, parentColumn = "post_id", entityColumn = "tag_id")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Junction {
  /** The junction entity; {@code void.class} means none. */
  Class<?> value();

  /** Junction column that references the parent; empty means the relation's parentColumn. */
  String parentColumn() default "";

  /** Junction column that references the entity; empty means the relation's entityColumn. */
  String entityColumn() default "";
}
