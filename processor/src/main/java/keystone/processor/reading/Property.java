package keystone.processor.reading;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;
import keystone.processor.model.Access;

/**
 * A persisted property as found in source: every declaration that may carry its annotations
 * (record component, field, accessor), and how generated code reads and writes it (null when no
 * accessible way exists).
 */
record Property(
    String name,
    TypeMirror type,
    Element element,
    List<Element> declarations,
    Access getter,
    Access setter) {}
