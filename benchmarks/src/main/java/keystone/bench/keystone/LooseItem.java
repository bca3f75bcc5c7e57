package keystone.bench.keystone;

import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** order_items without its key and index: what enforcement is measured against. */
@Entity(table = "loose_items")
public record LooseItem(
    @PrimaryKey(autoGenerate = true) long id,
    long orderId,
    @NotNull String sku,
    int quantity,
    long priceCents) {}
