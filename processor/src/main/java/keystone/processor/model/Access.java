package keystone.processor.model;

/**
 * How generated code reaches one property: {@code name} is a field name when {@code field}, else
 * a method name.
 */
public record Access(boolean field, String name) {
  public static Access field(String name) {
    return new Access(true, name);
  }

  public static Access method(String name) {
    return new Access(false, name);
  }
}
