package keystone.processor.types;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.reading.Annotations;
import keystone.processor.reading.Env;
import keystone.processor.reading.ValueTypes;

/**
 * Reads the converters one {@code @TypeConverters} puts in scope, keyed by the user type's
 * name. Every broken rule is reported on the {@code @TypeConverter} method itself.
 */
final class ConverterReader {
  static final String TYPE_CONVERTERS = "keystone.TypeConverters";
  private static final String TYPE_CONVERTER = "keystone.TypeConverter";

  /** One method: {@code from -> to}. */
  private record Method(ExecutableElement element, TypeElement owner, TypeMirror from,
      TypeMirror to) {
    String name() {
      return owner.getSimpleName() + "." + element.getSimpleName();
    }
  }

  private final Env env;

  ConverterReader(Env env) {
    this.env = env;
  }

  /** The converters {@code element}'s {@code @TypeConverters} declares; empty without one. */
  Map<String, Converter> read(Element element, Report report) {
    Optional<AnnotationMirror> mirror = Annotations.find(element, TYPE_CONVERTERS);
    if (mirror.isEmpty()) {
      return Map.of();
    }
    List<Method> methods = new ArrayList<>();
    for (AnnotationValue v : new Annotations(env).list(mirror.get(), "value")) {
      TypeElement owner = Annotations.typeOf(v.getValue());
      if (owner != null) {
        methods.addAll(methods(owner, report));
      }
    }
    Map<String, Converter> out = new LinkedHashMap<>();
    Map<String, Method> toColumn = new LinkedHashMap<>();
    for (Method m : methods) {
      if (isUserSide(m.from()) && builtIn(m.to()).isPresent()) {
        Method earlier = toColumn.putIfAbsent(key(m.from()), m);
        if (earlier != null) {
          report.add(Source.of(m.element()), Message.CONVERTER_DUPLICATE, m.name(), m.from(),
              earlier.name());
        }
      }
    }
    for (Method to : toColumn.values()) {
      Optional<Method> back = methods.stream()
          .filter(m -> key(m.from()).equals(key(to.to())) && key(m.to()).equals(key(to.from())))
          .findFirst();
      if (back.isEmpty()) {
        report.add(Source.of(to.element()), Message.CONVERTER_ONE_DIRECTION, to.name(),
            to.from(), to.to(), to.to(), to.from());
        continue;
      }
      boolean instance = !to.element().getModifiers().contains(Modifier.STATIC)
          || !back.get().element().getModifiers().contains(Modifier.STATIC);
      out.put(key(to.from()), new Converter(ClassName.get(to.owner()), instance,
          to.element().getSimpleName().toString(), back.get().element().getSimpleName().toString(),
          TypeName.get(to.to()), builtIn(to.to()).orElseThrow()));
    }
    for (Method m : methods) {
      boolean fromColumn = isUserSide(m.to()) && builtIn(m.from()).isPresent();
      if (fromColumn && !out.containsKey(key(m.to())) && !toColumn.containsKey(key(m.to()))) {
        report.add(Source.of(m.element()), Message.CONVERTER_ONE_DIRECTION, m.name(), m.from(),
            m.to(), m.to(), m.from());
      }
    }
    return out;
  }

  private List<Method> methods(TypeElement owner, Report report) {
    List<Method> out = new ArrayList<>();
    boolean constructible = ElementFilter.constructorsIn(owner.getEnclosedElements()).stream()
        .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
    for (ExecutableElement e : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (Annotations.find(e, TYPE_CONVERTER).isEmpty()) {
        continue;
      }
      Source at = Source.of(e);
      String name = owner.getSimpleName() + "." + e.getSimpleName();
      if (e.getParameters().size() != 1 || e.getReturnType().getKind() == TypeKind.VOID) {
        String problem = e.getParameters().isEmpty() ? "takes none"
            : e.getParameters().size() > 1 ? "takes " + e.getParameters().size()
            : "returns void";
        report.add(at, Message.CONVERTER_SHAPE, name, problem);
        continue;
      }
      if (!e.getModifiers().contains(Modifier.STATIC) && !constructible) {
        report.add(at, Message.CONVERTER_NO_CONSTRUCTOR, name, owner.getSimpleName());
        continue;
      }
      Method m = new Method(e, owner, e.getParameters().get(0).asType(), e.getReturnType());
      boolean toColumn = isUserSide(m.from()) && builtIn(m.to()).isPresent();
      boolean fromColumn = isUserSide(m.to()) && builtIn(m.from()).isPresent();
      if (!toColumn && !fromColumn) {
        report.add(at, Message.CONVERTER_COLUMN_NOT_BUILT_IN, name, m.from(), m.to());
        continue;
      }
      out.add(m);
    }
    return out;
  }

  static String key(TypeMirror type) {
    return TypeName.get(type).withoutAnnotations().toString();
  }

  private static Optional<BuiltIn> builtIn(TypeMirror type) {
    return ValueTypes.of(type).map(v -> v.adapter().builtIn());
  }

  /**
   * A type a converter may store: anything but the SQL basics (primitives, boxes, String,
   * byte[]), which are what converters store to. A built-in value type (Instant, UUID...) may
   * be converted, to store it another way (an Instant as epoch millis, as Room apps do).
   */
  static boolean isUserSide(TypeMirror type) {
    Optional<BuiltIn> b = builtIn(type);
    return b.isEmpty() || !b.get().basic();
  }
}
