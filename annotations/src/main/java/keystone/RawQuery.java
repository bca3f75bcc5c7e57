package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs SQL built at run time, for filters the user chooses. The method takes one
 * {@code keystone.engine.SqlQuery}:
 *
 * <pre>{@code
 * @RawQuery List<Post> posts(SqlQuery query);
 * @RawQuery(observedEntities = Post.class) Flow.Publisher<List<Post>> watch(SqlQuery query);
 * @RawQuery int run(SqlQuery query);
 *
 * dao.posts(SqlQuery.of("SELECT * FROM posts WHERE author_id = ? ORDER BY id", 7L));
 * }</pre>
 *
 * <p>It returns what a {@link Query} may return, but the SQL is known only at run time, so the
 * result's columns are matched to the type's properties by name when it runs (column name or
 * property name, ignoring case): a property that may be null reads null when its column is
 * absent, and one that cannot is a {@code KeystoneException} naming it and the columns there
 * were. A scalar is read from the first column. {@code void}, {@code int} and {@code long} return
 * the rows a write changed (or, for a SELECT, the first column of its first row).
 *
 * <p>The SQL goes through the guard of {@code KeystoneDatabase.execute}: SQL that would switch
 * enforcement off or take over transaction control is refused before anything runs. The call is
 * atomic like any DAO call, and a write through it is diagnosed like any write (a
 * {@code ForeignKeyViolationException} with the key), and counts as a change of every table for
 * observers.
 *
 * <p>Rules the processor enforces: one parameter, of type {@code keystone.engine.SqlQuery}; a
 * {@code Flow.Publisher} result names the tables it reads in {@link #observedEntities} (each an
 * entity or a view of the database); the result type is not a multimap and has no {@link Relation}, whose
 * keys need columns known at compile time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface RawQuery {
  /**
   * The entities whose tables the query reads (a {@link DatabaseView} stands for the tables it
   * reads): a {@code Flow.Publisher} result runs again after each committed transaction that
   * changed one of them, foreign-key actions included.
   */
  Class<?>[] observedEntities() default {};
}
