package keystone.processor.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import keystone.processor.model.Access;

/** Lists the persisted properties of a record, field class or JavaBean. */
final class PropertyReader {
  static final String IGNORE = "keystone.Ignore";

  private final Env env;

  PropertyReader(Env env) {
    this.env = env;
  }

  List<Property> read(TypeElement type) {
    return type.getKind() == ElementKind.RECORD ? recordProperties(type) : classProperties(type);
  }

  private List<Property> recordProperties(TypeElement type) {
    List<Property> out = new ArrayList<>();
    List<VariableElement> fields = ElementFilter.fieldsIn(type.getEnclosedElements());
    for (RecordComponentElement c : type.getRecordComponents()) {
      String name = c.getSimpleName().toString();
      // The field first: javac has no source position for a record component, so a diagnostic
      // on the component (or on an annotation found there) would print without file or line.
      // Every Keystone annotation that fits a component also targets fields, so javac copies it
      // onto the field and it is found there first.
      List<Element> declarations = new ArrayList<>();
      fields.stream()
          .filter(f -> f.getSimpleName().contentEquals(name))
          .findFirst()
          .ifPresent(declarations::add);
      declarations.add(c);
      if (c.getAccessor() != null) {
        declarations.add(c.getAccessor());
      }
      Element at = declarations.get(0);
      out.add(new Property(name, c.asType(), at, declarations, Access.method(name), null));
    }
    return out;
  }

  private List<Property> classProperties(TypeElement type) {
    List<Property> out = new ArrayList<>();
    List<ExecutableElement> methods = ElementFilter.methodsIn(env.elements().getAllMembers(type));
    for (TypeElement t : hierarchy(type)) {
      for (VariableElement field : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        Set<Modifier> mods = field.getModifiers();
        if (mods.contains(Modifier.STATIC)
            || mods.contains(Modifier.TRANSIENT)
            || Annotations.find(field, IGNORE).isPresent()) {
          continue;
        }
        out.add(classProperty(field, methods));
      }
    }
    return out;
  }

  private Property classProperty(VariableElement field, List<ExecutableElement> methods) {
    String name = field.getSimpleName().toString();
    String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    boolean reachable = !field.getModifiers().contains(Modifier.PRIVATE);
    boolean bool = field.asType().getKind() == TypeKind.BOOLEAN;
    Optional<ExecutableElement> getter =
        method(methods, "get" + cap, 0).or(() -> bool ? method(methods, "is" + cap, 0)
            : Optional.empty());
    Optional<ExecutableElement> setter = method(methods, "set" + cap, 1);
    List<Element> declarations = new ArrayList<>();
    declarations.add(field);
    getter.ifPresent(declarations::add);
    Access read =
        reachable
            ? Access.field(name)
            : getter.map(g -> Access.method(g.getSimpleName().toString())).orElse(null);
    Access write =
        reachable && !field.getModifiers().contains(Modifier.FINAL)
            ? Access.field(name)
            : setter.map(s -> Access.method(s.getSimpleName().toString())).orElse(null);
    return new Property(name, field.asType(), field, declarations, read, write);
  }

  private static Optional<ExecutableElement> method(
      List<ExecutableElement> methods, String name, int arity) {
    return methods.stream()
        .filter(m -> m.getSimpleName().contentEquals(name))
        .filter(m -> m.getParameters().size() == arity)
        .filter(m -> !m.getModifiers().contains(Modifier.PRIVATE))
        .filter(m -> !m.getModifiers().contains(Modifier.STATIC))
        .findFirst();
  }

  /** Superclasses first, so inherited columns come first, as in the object's layout. */
  private static List<TypeElement> hierarchy(TypeElement type) {
    List<TypeElement> chain = new ArrayList<>();
    TypeElement t = type;
    while (t != null && !t.getQualifiedName().contentEquals("java.lang.Object")) {
      chain.add(0, t);
      TypeMirror sup = t.getSuperclass();
      t = sup instanceof DeclaredType d ? (TypeElement) d.asElement() : null;
    }
    return chain;
  }

  /** Whether the class can be instantiated by generated code with {@code new T()}. */
  static boolean hasNoArgConstructor(TypeElement type) {
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      return false;
    }
    return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .anyMatch(
            c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
  }
}
