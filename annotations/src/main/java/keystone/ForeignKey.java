package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A single-column foreign key on a field or record component, enforced by the engine.
 *
 * <pre>{@code
 * import static keystone.ForeignKey.Action.CASCADE;
 *
 * @Entity(table = "orders")
 * public record Order(
 *     @PrimaryKey(autoGenerate = true) long id,
 *     @ForeignKey(entity = User.class, onDelete = CASCADE) long userId) {}
 * }</pre>
 *
 * <p>Emitted as a named table constraint
 * {@code CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
 * ON UPDATE NO ACTION}, plus an index {@code idx_orders_user_id} on the child column.
 *
 * <p>Rules the processor enforces:
 * <ul>
 *   <li>{@code entity} is an {@link Entity} listed in the same {@code @Database}.
 *   <li>{@code column} (default: the parent's single-column primary key) exists and is the
 *       parent's primary key or carries a UNIQUE constraint of exactly that column; a parent with a
 *       composite key needs {@link CompositeForeignKey}.
 *   <li>The child and parent columns have the same type affinity.
 *   <li>{@link Action#SET_NULL} needs a nullable child column; {@link Action#SET_DEFAULT} needs a
 *       {@link Column#defaultValue()}.
 *   <li>Constraint names are unique in the database. {@code index = false} leaves the child column
 *       without an index and draws a warning: every parent delete then scans the child table.
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface ForeignKey {
  /** The parent entity. */
  Class<?> entity();

  /** Parent column; empty means the parent's single-column primary key. */
  String column() default "";

  /** What happens to this row when the parent row is deleted. */
  Action onDelete() default Action.NO_ACTION;

  /** What happens to this row when the parent key changes. */
  Action onUpdate() default Action.NO_ACTION;

  /**
   * Emit {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit, not at statement end. RESTRICT
   * is never deferred (it fails the moment the parent key changes), so with a RESTRICT action
   * this draws a warning; use NO_ACTION for a check at commit.
   */
  boolean deferred() default false;

  /** Constraint name; empty means {@code fk_<table>_<columns joined by _>}. */
  String name() default "";

  /** Create {@code idx_<table>_<columns>} on the child column unless an index already leads with it. */
  boolean index() default true;

  /**
   * A referential action, as SQL defines it (https://www.sqlite.org/foreignkeys.html#fk_actions).
   */
  enum Action {
    /** Checked at the end of the statement (or at commit when deferred). */
    NO_ACTION("NO ACTION"),
    /** Fails the moment the parent key changes, even on a deferred key. */
    RESTRICT("RESTRICT"),
    /** Sets the child columns to NULL. */
    SET_NULL("SET NULL"),
    /** Sets the child columns to their declared defaults. */
    SET_DEFAULT("SET DEFAULT"),
    /** Deletes the child rows (on delete) or copies the new key into them (on update). */
    CASCADE("CASCADE");

    private final String sql;

    Action(String sql) {
      this.sql = sql;
    }

    /** The action as it is spelt in DDL, such as {@code SET NULL}. */
    public String sql() {
      return sql;
    }
  }
}
