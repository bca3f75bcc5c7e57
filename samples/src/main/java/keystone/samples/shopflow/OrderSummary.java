package keystone.samples.shopflow;

/**
 * One order with its customer and totals: a projection, filled from result columns by name
 * ({@code orderId} from {@code order_id}).
 */
public record OrderSummary(long orderId, String customer, long items, long totalCents) {}
