package keystone.processor.model;

import com.palantir.javapoet.TypeName;
import keystone.processor.types.ColumnAdapter;

/**
 * A Java value that maps to one SQL value: its declared type, the adapter that stores, binds and
 * reads it, and whether it is a reference (boxed, String, enum...) that may hold null.
 */
public record JavaValue(TypeName type, ColumnAdapter adapter, boolean reference) {}
