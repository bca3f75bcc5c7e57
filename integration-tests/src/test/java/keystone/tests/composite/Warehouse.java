package keystone.tests.composite;

import keystone.Entity;
import keystone.NotNull;

/** A parent with a two-column primary key. */
@Entity(table = "warehouses", primaryKey = {"region", "code"})
public record Warehouse(@NotNull String region, int code, String name) {}
