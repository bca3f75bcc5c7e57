package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A foreign key over one or more columns, declared in {@link Entity#foreignKeys()}.
 *
 * <pre>{@code
 * @Entity(
 *     table = "enrollments",
 *     primaryKey = {"course_code", "term", "student_id"},
 *     foreignKeys = @CompositeForeignKey(
 *         entity = CourseRun.class,
 *         columns = {"course_code", "term"},
 *         onDelete = ForeignKey.Action.CASCADE))
 * public record Enrollment(String courseCode, String term, long studentId) {}
 * }</pre>
 *
 * <p>Rules the processor enforces: {@code columns} and {@code parentColumns} (default: the parent's
 * primary key, in its order) exist, are equally many and pairwise of the same affinity; the parent
 * columns are exactly the parent's primary key or a UNIQUE index (in any order); the
 * {@link ForeignKey} rules on actions, names and indexes apply as well.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface CompositeForeignKey {
  /** The parent entity. */
  Class<?> entity();

  /** Child column names, in the order that matches {@link #parentColumns()}. */
  String[] columns();

  /** Parent column names; empty means the parent's primary key. */
  String[] parentColumns() default {};

  ForeignKey.Action onDelete() default ForeignKey.Action.NO_ACTION;

  ForeignKey.Action onUpdate() default ForeignKey.Action.NO_ACTION;

  /**
   * Emit {@code DEFERRABLE INITIALLY DEFERRED}; RESTRICT is never deferred, as in
   * {@link ForeignKey#deferred()}.
   */
  boolean deferred() default false;

  /** Constraint name; empty means {@code fk_<table>_<columns joined by _>}. */
  String name() default "";

  /** Create an index on the child columns unless one already leads with them. */
  boolean index() default true;
}
