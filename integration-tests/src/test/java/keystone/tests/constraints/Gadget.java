package keystone.tests.constraints;

import keystone.Check;
import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** NOT NULL, a column CHECK and a table CHECK. */
@Entity(table = "gadgets", checks = "price_cents >= 0")
public record Gadget(
    @PrimaryKey long id,
    @NotNull String name,
    @Check("quantity > 0") int quantity,
    long priceCents) {}
