package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A column renamed between two versions, on an {@link AutoMigration} spec.
 *
 * <pre>{@code
 * @RenameColumn(table = "users", from = "mail", to = "email")
 * final class Spec {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(RenameColumn.List.class)
public @interface RenameColumn {
  String table();

  String from();

  String to();

  /** Several declarations on one spec. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    RenameColumn[] value();
  }
}
