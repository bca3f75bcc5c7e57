package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A table renamed between two versions, on an {@link AutoMigration} spec.
 *
 * <pre>{@code
 * @RenameTable(from = "customer", to = "users")
 * final class Spec {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(RenameTable.List.class)
public @interface RenameTable {
  String from();

  String to();

  /** Several declarations on one spec. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    RenameTable[] value();
  }
}
