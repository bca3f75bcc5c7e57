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
 *   <li>{@code sqliteType} is a type name SQLite accepts ({@code NUMERIC}, {@code DECIMAL(10,
 *       2)}, {@code DATETIME}), and its affinity must keep the values Keystone stores unchanged:
 *       an integer column may be INTEGER or NUMERIC, a REAL one REAL, NUMERIC or INTEGER, a
 *       BLOB one anything. A TEXT column (a {@code String}) on a number affinity is a warning:
 *       SQLite stores {@code '007'} there as the number 7.
 *   <li>{@code postgresType} is a PostgreSQL type that holds the Java type's values exactly:
 *       {@code integer} or {@code smallint} for an integer type, {@code real} for a
 *       {@code double}, {@code varchar(n)} for a {@code String}, {@code numeric(p, s)} for a
 *       {@code BigDecimal}, a TIMESTAMP/TIME of precision 6 or none, and the type's own name.
 *   <li>{@code nullableKey} only on a primary-key column that is not SQLite's rowid alias (a
 *       lone INTEGER key, which never holds NULL).
 * </ul>
 *
 * <p>The last two exist for schemas Keystone did not make ({@code keystone import} writes them):
 * {@code @Column(name = "price", sqliteType = "NUMERIC") double price} and
 * {@code @Column(name = "id", nullableKey = true) @NotNull String id} describe a D1 file's
 * {@code price NUMERIC} and {@code id TEXT PRIMARY KEY} exactly, so opening that file compares
 * equal; {@code @Column(name = "qty", postgresType = "integer") int qty} does the same for a
 * PostgreSQL schema's {@code integer} column (an {@code int} is INTEGER there already; a
 * generated {@code long} key of a SERIAL column needs it). {@code @Column(name = "created_at",
 * postgresDefault = "now()") Instant createdAt} keeps a PostgreSQL schema's {@code DEFAULT
 * now()}, which SQLite, where the processor checks every schema, cannot parse.
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

  /**
   * The type SQLite's DDL declares, when it is not the one the Java type gets ({@code INTEGER},
   * {@code REAL}, {@code TEXT}, {@code BLOB}, or a value type's form); empty means that one.
   * Only its affinity (https://www.sqlite.org/datatype3.html#affinity_name_examples) changes
   * what SQLite does, and only SQLite's DDL uses it: PostgreSQL keeps the Java type's own type.
   */
  String sqliteType() default "";

  /**
   * Declares this primary-key column without NOT NULL on SQLite, which then accepts NULL in it
   * (a long-standing SQLite quirk, https://www.sqlite.org/lang_createtable.html#the_primary_key,
   * and what {@code id TEXT PRIMARY KEY} in a D1 or Room-less file means). Keystone's own DAOs
   * still never write a NULL key. PostgreSQL's keys are NOT NULL whatever this says.
   */
  boolean nullableKey() default false;

  /**
   * The type PostgreSQL's DDL declares, when it is not the one the Java type gets ({@code
   * BIGINT} for {@code long}, {@code TEXT} for {@code String}, {@code NUMERIC} for {@code
   * BigDecimal}, ...); empty means that one. SQLite's DDL does not use it.
   */
  String postgresType() default "";

  /**
   * The default PostgreSQL's DDL declares, instead of {@code defaultValue}, written as
   * PostgreSQL reads it ({@code "now()"}, {@code "(CURRENT_TIMESTAMP)::text"}); empty means
   * {@code defaultValue} serves both. SQLite's DDL does not use it.
   */
  String postgresDefault() default "";
}
