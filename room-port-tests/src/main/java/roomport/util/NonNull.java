package roomport.util;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stands in for {@code androidx.annotation.NonNull}, which Room apps use and which is not on this
 * build's class path. Keystone reads any annotation named {@code NonNull} as NOT NULL, Room's
 * rule too, so the app's fields keep their annotation as written.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface NonNull {}
