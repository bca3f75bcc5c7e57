package keystone.samples.shopflow;

/** What a customer asks for when placing an order; becomes an {@link OrderItem}. */
public record OrderLine(long productId, int quantity, long priceCents) {}
