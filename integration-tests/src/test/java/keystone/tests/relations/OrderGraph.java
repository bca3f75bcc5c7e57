package keystone.tests.relations;

import java.util.List;
import keystone.Embedded;
import keystone.Relation;

/** An order with its items and their products. */
public record OrderGraph(
    @Embedded Purchase order,
    @Relation(parentColumn = "id", entityColumn = "order_id") List<ItemWithProduct> items) {}
