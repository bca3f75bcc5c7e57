package keystone.tests.converted;

/** A user type that each scope's converters store with their own prefix, to see which won. */
public record Tag(String value) {}
