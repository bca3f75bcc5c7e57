package keystone.samples.shopflow;

import keystone.Embedded;
import keystone.Relation;

/** An order item with the product it is for, many-to-one through {@code product_id}. */
public record ItemWithProduct(
    @Embedded OrderItem item,
    @Relation(parentColumn = "product_id", entityColumn = "id") Product product) {}
