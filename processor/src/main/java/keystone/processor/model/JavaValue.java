package keystone.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * A Java value that maps to one SQL value: its declared type, the column type, and whether it
 * is a reference (boxed, String, enum...) that may hold null.
 */
public record JavaValue(TypeName type, ColumnType columnType, boolean reference) {}
