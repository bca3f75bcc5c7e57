package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a reference-typed column {@code NOT NULL}.
 *
 * <pre>{@code
 * @NotNull String email;
 * }</pre>
 *
 * <p>Primitives are always NOT NULL; a reference type is nullable unless it carries an annotation
 * whose simple name is {@code NotNull} or {@code NonNull} (this one, or jakarta, javax, jspecify,
 * androidx or JetBrains ones). The processor refuses {@code onDelete = SET_NULL} on such a column.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.FIELD,
  ElementType.RECORD_COMPONENT,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.TYPE_USE
})
public @interface NotNull {}
