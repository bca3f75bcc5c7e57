package keystone.processor.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The names a field goes by, as Room lets them vary (Room's {@code Field.nameWithVariations}):
 * {@code mName} and {@code _name} also answer to {@code name}, a boolean {@code isActive} or
 * {@code hasPets} also to {@code active} and {@code pets}. Accessors and constructor parameters
 * match any of them.
 */
final class AccessorNames {
  private AccessorNames() {}

  static List<String> variations(String name, TypeMirror type) {
    List<String> out = new ArrayList<>();
    out.add(name);
    if (name.length() > 1 && name.startsWith("_")) {
      out.add(name.substring(1));
    }
    if (name.length() > 1 && name.charAt(0) == 'm' && Character.isUpperCase(name.charAt(1))) {
      out.add(decapitalize(name.substring(1)));
    }
    if (isBoolean(type)) {
      for (String prefix : List.of("is", "has")) {
        int n = prefix.length();
        if (name.length() > n && name.startsWith(prefix)
            && Character.isUpperCase(name.charAt(n))) {
          out.add(decapitalize(name.substring(n)));
        }
      }
    }
    return out;
  }

  /** {@code getX()} for every variation, {@code isX()}/{@code hasX()} for booleans, the name. */
  static List<String> getters(List<String> variations, TypeMirror type) {
    List<String> out = new ArrayList<>(variations);
    for (String v : variations) {
      out.add("get" + capitalize(v));
      if (isBoolean(type)) {
        out.add("is" + capitalize(v));
        out.add("has" + capitalize(v));
      }
    }
    return out;
  }

  static List<String> setters(List<String> variations) {
    return variations.stream().map(v -> "set" + capitalize(v)).toList();
  }

  static boolean isBoolean(TypeMirror type) {
    return type.getKind() == TypeKind.BOOLEAN || type.toString().equals("java.lang.Boolean");
  }

  private static String capitalize(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static String decapitalize(String s) {
    return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }
}
