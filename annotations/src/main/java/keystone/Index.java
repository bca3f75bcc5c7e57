package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index, declared in {@link Entity#indices()}.
 *
 * <pre>{@code
 * @Entity(indices = @Index(columns = {"order_id", "product_id"}, unique = true))
 * }</pre>
 *
 * <p>Rules the processor enforces: the columns exist; the name (default
 * {@code idx_<table>_<columns joined by _>}) is unique in the
 * database. A unique index can be the target of a foreign key.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Index {
  /** Column names, in index order. */
  String[] columns();

  /** {@code CREATE UNIQUE INDEX}. */
  boolean unique() default false;

  /** Index name; empty means {@code idx_<table>_<columns joined by _>}. */
  String name() default "";
}
