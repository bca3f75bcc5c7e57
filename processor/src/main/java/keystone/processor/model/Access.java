package keystone.processor.model;

/**
 * How generated code reaches one property: {@code name} is a field name when {@code field}, else
 * a method name.
 *
 * @param onlyFrom the package generated code must be in to use it (a package-private or
 *     protected member), or null when it is public
 */
public record Access(boolean field, String name, String onlyFrom) {
  public static Access field(String name) {
    return new Access(true, name, null);
  }

  public static Access method(String name) {
    return new Access(false, name, null);
  }

  /** Whether code generated in {@code pkg} may use it. */
  public boolean reachableFrom(String pkg) {
    return onlyFrom == null || onlyFrom.equals(pkg);
  }

  /** How a message names it: {@code id} or {@code getId()}. */
  public String describe() {
    return field ? name : name + "()";
  }
}
