package keystone.samples.shopflow;

import java.util.List;
import keystone.Embedded;
import keystone.Relation;

/** An order with its items, one-to-many through {@code order_items.order_id}. */
public record OrderWithItems(
    @Embedded Order order,
    @Relation(parentColumn = "id", entityColumn = "order_id") List<ItemWithProduct> items) {}
