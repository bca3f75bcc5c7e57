package keystone.samples.shopflow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Flow;
import keystone.Dao;
import keystone.Insert;
import keystone.Query;
import keystone.Transaction;

/** Orders and their items. */
@Dao
public interface OrderDao {
  @Insert
  long insert(Order order);

  @Insert
  long[] insertItems(OrderItem... items);

  @Query("DELETE FROM orders WHERE id = :id")
  int deleteById(long id);

  @Query("SELECT * FROM orders WHERE user_id = :userId ORDER BY id")
  List<Order> ordersOf(long userId);

  @Query("SELECT * FROM orders WHERE reference = :reference")
  Optional<Order> byReference(UUID reference);

  /** Orders placed in {@code [from, to)}, oldest first: compared in SQL as instants. */
  @Query("SELECT * FROM orders WHERE placed_at >= :from AND placed_at < :to ORDER BY placed_at")
  List<Order> placedBetween(Instant from, Instant to);

  @Query("SELECT max(placed_at) FROM orders")
  Optional<Instant> lastPlacedAt();

  @Query("SELECT * FROM order_items WHERE order_id = :orderId ORDER BY id")
  List<OrderItem> itemsOf(long orderId);

  /**
   * How many order items there are, now and after every commit that changes
   * {@code order_items}, including deletes that reach it through ON DELETE CASCADE.
   */
  @Query("SELECT COUNT(*) FROM order_items")
  Flow.Publisher<Long> observeItemCount();

  @Query(
      "SELECT o.id AS order_id, u.name AS customer, COUNT(i.id) AS items,"
          + " COALESCE(SUM(i.quantity * i.price_at_purchase_cents), 0) AS total_cents"
          + " FROM orders o JOIN users u ON u.id = o.user_id"
          + " LEFT JOIN order_items i ON i.order_id = o.id"
          + " GROUP BY o.id, u.name ORDER BY o.id")
  List<OrderSummary> summaries();

  /**
   * Places an order with its lines as one transaction: if any line fails (a missing product, a
   * quantity of 0, the same product twice), no order is left behind.
   */
  @Transaction
  default long placeOrder(long userId, List<OrderLine> lines) {
    long orderId = insert(new Order(0, userId, "pending"));
    for (OrderLine line : lines) {
      insertItems(new OrderItem(0, orderId, line.productId(), line.quantity(), line.priceCents()));
    }
    return orderId;
  }
}
