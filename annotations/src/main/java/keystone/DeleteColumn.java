package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A column removed on purpose between two versions, on an {@link AutoMigration} spec.
 *
 * <pre>{@code
 * @DeleteColumn(table = "users", column = "legacy_flags")
 * final class Spec {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(DeleteColumn.List.class)
public @interface DeleteColumn {
  String table();

  String column();

  /** Several declarations on one spec. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    DeleteColumn[] value();
  }
}
