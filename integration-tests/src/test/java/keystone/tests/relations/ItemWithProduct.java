package keystone.tests.relations;

import keystone.Embedded;
import keystone.Relation;

/** Many-to-one: each item's product. */
public record ItemWithProduct(
    @Embedded Item item,
    @Relation(parentColumn = "product_id", entityColumn = "id") Product product) {}
