package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Loads related rows into a {@code List<T>}, {@code Set<T>} or single {@code T} field of a result
 * type returned by {@link Query}: one query per relation level, never one per parent row.
 *
 * <pre>{@code
 * public record PostWithTags(@Embedded Post post,
 *     @Relation(parentColumn = "id", entityColumn = "id",
 *         associateBy = @Junction(value = PostTag.class, parentColumn = "post_id",
 *             entityColumn = "tag_id"))
 *     List<Tag> tags) {}
 * }</pre>
 *
 * <p>{@code parentColumn} is a result column of the parent row, {@code entityColumn} a column of
 * the related entity: the element type itself, the one entity it embeds, or {@link #entity()}.
 * A single {@code T} is null when no row matches. The element type may have relations of its
 * own; each level is one more query (per 900 distinct keys), all in one read snapshot.
 *
 * <p>Rules the processor enforces: both columns exist and have the same affinity; a junction
 * has foreign keys from its two columns to the parent and to the entity; the field holds a
 * {@code List}, {@code Set} or single entity or result type, is not inside an {@link Embedded}
 * type, and does not nest its own type again.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Relation {
  /** Column of the embedded parent. */
  String parentColumn();

  /** Column of the related entity that matches {@link #parentColumn()}. */
  String entityColumn();

  /** The related entity; {@code void.class} means the field's element type. */
  Class<?> entity() default void.class;

  /** A junction table for many-to-many relations. */
  Junction associateBy() default @Junction(void.class);

  /**
   * Columns of {@link #entity()} to fetch, as Room's {@code projection}: with one column the field
   * may hold that column's values ({@code List<String>}); with several, a result type whose
   * properties they fill. Empty means every column the element type needs.
   */
  String[] projection() default {};
}
