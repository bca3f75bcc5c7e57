package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A table removed on purpose between two versions, on an {@link AutoMigration} spec.
 *
 * <pre>{@code
 * @DeleteTable(table = "sessions")
 * final class Spec {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(DeleteTable.List.class)
public @interface DeleteTable {
  String table();

  /** Several declarations on one spec. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    DeleteTable[] value();
  }
}
