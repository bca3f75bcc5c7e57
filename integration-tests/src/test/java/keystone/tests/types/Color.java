package keystone.tests.types;

/** An enum column. */
public enum Color {
  RED,
  GREEN,
  BLUE
}
