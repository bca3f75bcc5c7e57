package keystone.processor.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
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
    List<ExecutableElement> methods =
        ElementFilter.methodsIn(env.elements().getAllMembers(type)).stream()
            .filter(m -> !m.getModifiers().contains(Modifier.PRIVATE))
            .filter(m -> !m.getModifiers().contains(Modifier.STATIC))
            .toList();
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
    List<String> names = AccessorNames.variations(name, field.asType());
    List<ExecutableElement> getters = methods.stream()
        .filter(m -> m.getParameters().isEmpty())
        .filter(m -> AccessorNames.getters(names, field.asType()).contains(name(m)))
        .filter(m -> env.types().isSameType(m.getReturnType(), field.asType()))
        .toList();
    List<ExecutableElement> setters = methods.stream()
        .filter(m -> m.getParameters().size() == 1)
        .filter(m -> AccessorNames.setters(names).contains(name(m)))
        .filter(m -> env.types().isSameType(m.getParameters().get(0).asType(), field.asType()))
        .toList();
    List<Element> declarations = new ArrayList<>();
    declarations.add(field);
    declarations.addAll(getters);
    Access read = choose(field, getters, false);
    Access write = choose(field, setters, true);
    return new Property(name, field.asType(), field, declarations, read, write);
  }

  /**
   * As Room chooses (PojoProcessor's chooseAssignment): a public field, else a public accessor,
   * else one only its package may call, else a non-private field; a non-public choice records
   * the package that generated code must be in to use it.
   */
  private Access choose(VariableElement field, List<ExecutableElement> accessors, boolean write) {
    Set<Modifier> mods = field.getModifiers();
    boolean fieldUsable =
        !mods.contains(Modifier.PRIVATE) && !(write && mods.contains(Modifier.FINAL));
    String name = field.getSimpleName().toString();
    if (fieldUsable && mods.contains(Modifier.PUBLIC)) {
      return Access.field(name);
    }
    for (boolean wantPublic : new boolean[] {true, false}) {
      for (ExecutableElement m : accessors) {
        if (m.getModifiers().contains(Modifier.PUBLIC) == wantPublic) {
          return new Access(false, name(m), wantPublic ? null : packageOf(m));
        }
      }
    }
    return fieldUsable ? new Access(true, name, packageOf(field)) : null;
  }

  private String packageOf(Element e) {
    return env.elements().getPackageOf(e).getQualifiedName().toString();
  }

  private static String name(ExecutableElement m) {
    return m.getSimpleName().toString();
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
