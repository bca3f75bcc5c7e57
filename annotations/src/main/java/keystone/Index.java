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
 * database. A unique index can be the target of a foreign key. {@code constraint} needs
 * {@code unique}.
 *
 * <p>{@code @Index(columns = {"order_id", "product_id"}, unique = true, constraint = true)} is
 * the table constraint {@code UNIQUE (order_id, product_id)} inside CREATE TABLE, as schemas
 * made elsewhere often have it ({@code keystone import} writes it for them). It enforces exactly
 * what the unique index does; the difference is structural: SQLite keeps it as an automatic
 * index ({@code sqlite_autoindex_<table>_N}) that DROP INDEX cannot remove, and PostgreSQL as a
 * constraint named {@code name}.
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

  /**
   * A {@code UNIQUE (columns)} table constraint in CREATE TABLE rather than a CREATE UNIQUE
   * INDEX; for a schema that already has it so (see above).
   */
  boolean constraint() default false;
}
