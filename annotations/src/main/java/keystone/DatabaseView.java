package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A view of the database: a named SELECT, created with the schema, that {@code @Query} reads
 * like a table and whose rows map onto the annotated record or class.
 *
 * <pre>{@code
 * @DatabaseView(viewName = "posts_per_tag", value =
 *     "SELECT t.name AS tag, count(pt.post_id) AS posts FROM tags t"
 *         + " LEFT JOIN post_tags pt ON pt.tag_id = t.id GROUP BY t.id, t.name")
 * public record PostsPerTag(@NotNull String tag, long posts) {}
 *
 * @Database(entities = {...}, views = {PostsPerTag.class}, version = 3)
 * public interface Blog extends KeystoneDatabase { ... }
 *
 * @Query("SELECT * FROM posts_per_tag ORDER BY posts DESC") List<PostsPerTag> popular();
 * }</pre>
 *
 * <p>Rules the processor enforces: the type is listed in {@link Database#views}; the SQL is one
 * SELECT (or WITH ... SELECT) that prepares against the tables and the views listed before it;
 * its name is not a table's; every non-null property of the type is a column of the view. The
 * view is part of the schema: the engine refuses a file whose view is missing or has other
 * columns or SQL, the export lists it, and the migrations Keystone runs drop and re-create it
 * around a rebuild of a table it reads (SQLite's procedure for schema changes asks for that).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DatabaseView {
  /** The SELECT statement of the view. */
  String value();

  /**
   * The view's name; by default the type's simple name as the database's {@link Naming} names a
   * table: snake_case ({@code PostsPerTag} -> {@code posts_per_tag}), or as declared.
   */
  String viewName() default "";

  /**
   * The SELECT PostgreSQL runs instead of {@link #value}, returning the same columns; empty (the
   * default) when {@link #value} is portable.
   */
  String postgres() default "";
}
