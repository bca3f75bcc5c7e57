package keystone.processor.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;

/**
 * Chooses the constructor generated code builds a class with, by Room's rule (its
 * PojoProcessor's {@code chooseConstructor}): of the non-private constructors not marked
 * {@code @Ignore}, those whose every parameter names a property (by any of its
 * {@link AccessorNames#variations}) of an assignable type qualify; one qualifying constructor is
 * used; among several, the no-argument one is used, and without one the choice is an error on
 * each. A record always uses its canonical constructor.
 */
final class Constructors {
  /**
   * The chosen constructor.
   *
   * @param arguments for each parameter, the index of the property it takes; empty for a
   *     no-argument constructor
   * @param onlyFrom the package generated code must be in to call it, or null when public
   */
  record Choice(ExecutableElement constructor, List<Integer> arguments, String onlyFrom) {
    boolean takes(int property) {
      return arguments.contains(property);
    }
  }

  private final Env env;

  Constructors(Env env) {
    this.env = env;
  }

  /** Whether generated code could build the type at all, before its properties are read. */
  static boolean buildable(TypeElement type) {
    if (type.getKind() == ElementKind.RECORD) {
      return true;
    }
    return type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.ABSTRACT)
        && !candidates(type).isEmpty();
  }

  /** The choice, or empty with the reason reported at {@code at}. */
  Optional<Choice> choose(TypeElement type, List<Property> props, Source at, Report report) {
    List<Choice> good = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (ExecutableElement c : candidates(type)) {
      List<Integer> args = new ArrayList<>();
      List<String> unmatched = new ArrayList<>();
      for (VariableElement param : c.getParameters()) {
        int match = match(param, props);
        if (match < 0) {
          unmatched.add(param.getSimpleName().toString());
        }
        args.add(match);
      }
      if (unmatched.isEmpty()) {
        String pkg = c.getModifiers().contains(Modifier.PUBLIC) ? null
            : env.elements().getPackageOf(c).getQualifiedName().toString();
        good.add(new Choice(c, args, pkg));
      } else {
        failed.add(describe(type, c) + " (no field for " + String.join(", ", unmatched) + ")");
      }
    }
    if (good.size() == 1) {
      return Optional.of(good.get(0));
    }
    if (good.isEmpty()) {
      report.add(at, Message.ENTITY_NO_CONSTRUCTOR, type.getSimpleName(),
          failed.isEmpty() ? "none that is not private or @Ignore" : String.join("; ", failed));
      return Optional.empty();
    }
    // Room warns here; Keystone does not, since a class with a no-argument constructor and a
    // full one is the usual shape of a Keystone entity, and the choice is the same every time.
    Optional<Choice> noArg = good.stream().filter(g -> g.arguments().isEmpty()).findFirst();
    if (noArg.isPresent()) {
      return noArg;
    }
    for (Choice g : good) {
      report.add(g.constructor(), Message.CONSTRUCTOR_AMBIGUOUS, type.getSimpleName(),
          good.size());
    }
    return Optional.empty();
  }

  /** The property a parameter takes: its exact name first, else the one variation it matches. */
  private int match(VariableElement param, List<Property> props) {
    String name = param.getSimpleName().toString();
    int found = -1;
    for (int i = 0; i < props.size(); i++) {
      Property p = props.get(i);
      if (!env.types().isAssignable(p.type(), param.asType())) {
        continue;
      }
      if (p.name().equals(name)) {
        return i;
      }
      if (found < 0 && AccessorNames.variations(p.name(), p.type()).contains(name)) {
        found = i;
      }
    }
    return found;
  }

  private static List<ExecutableElement> candidates(TypeElement type) {
    return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .filter(c -> !c.getModifiers().contains(Modifier.PRIVATE))
        .filter(c -> Annotations.find(c, PropertyReader.IGNORE).isEmpty())
        .toList();
  }

  static String describe(TypeElement type, ExecutableElement c) {
    List<String> params = c.getParameters().stream()
        .map(p -> p.asType() + " " + p.getSimpleName()).toList();
    return type.getSimpleName() + "(" + String.join(", ", params) + ")";
  }
}
