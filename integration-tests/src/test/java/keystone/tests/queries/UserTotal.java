package keystone.tests.queries;

/** A projection: not an entity, filled from result columns by name. */
public record UserTotal(String name, long orderCount, long totalCents) {}
