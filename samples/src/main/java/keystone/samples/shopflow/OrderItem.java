package keystone.samples.shopflow;

import static keystone.ForeignKey.Action.CASCADE;
import static keystone.ForeignKey.Action.RESTRICT;

import keystone.Check;
import keystone.Entity;
import keystone.ForeignKey;
import keystone.Index;
import keystone.PrimaryKey;

/**
 * A line of an order. Items mean nothing without their order ({@code ON DELETE CASCADE}), but a
 * product with order history must stay ({@code ON DELETE RESTRICT}). The unique index on
 * {@code (order_id, product_id)} keeps one line per product and also serves as the index of the
 * {@code order_id} key.
 */
@Entity(
    table = "order_items",
    indices =
        @Index(
            name = "uq_order_items_order_id_product_id",
            columns = {"order_id", "product_id"},
            unique = true))
public record OrderItem(
    @PrimaryKey(autoGenerate = true) long id,
    @ForeignKey(entity = Order.class, onDelete = CASCADE, onUpdate = CASCADE) long orderId,
    @ForeignKey(entity = Product.class, onDelete = RESTRICT, onUpdate = CASCADE) long productId,
    @Check("quantity > 0") int quantity,
    @Check("price_at_purchase_cents >= 0") long priceAtPurchaseCents) {}
