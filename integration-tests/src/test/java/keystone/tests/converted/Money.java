package keystone.tests.converted;

/** A user type with no column mapping of its own: stored as cents by {@link MoneyConverters}. */
public record Money(long cents) {}
