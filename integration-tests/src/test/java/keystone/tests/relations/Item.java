package keystone.tests.relations;

import static keystone.ForeignKey.Action.CASCADE;
import static keystone.ForeignKey.Action.RESTRICT;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

/** An order item: deleted with its order, and keeps its product (RESTRICT). */
@Entity(table = "order_items")
public record Item(
    @PrimaryKey(autoGenerate = true) long id,
    @ForeignKey(entity = Purchase.class, onDelete = CASCADE) long orderId,
    @ForeignKey(entity = Product.class, onDelete = RESTRICT) long productId,
    int quantity) {}
