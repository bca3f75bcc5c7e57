package keystone.bench.keystone;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.NotNull;
import keystone.PrimaryKey;

/** orders -> order_items, ON DELETE CASCADE, with the automatic index on order_id. */
@Entity(table = "order_items")
public record OrderItem(
    @PrimaryKey(autoGenerate = true) long id,
    @ForeignKey(entity = Order.class, onDelete = CASCADE) long orderId,
    @NotNull String sku,
    int quantity,
    long priceCents) {}
