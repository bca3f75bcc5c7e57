package keystone.bench.jdbi;

/** The rows JDBI maps (by constructor parameter name, snake_case columns matched). */
public final class Rows {
  private Rows() {}

  public record User(long id, String name, String email, int age) {}

  public record Order(long id, long userId, String status, long totalCents) {}

  public record OrderItem(long id, long orderId, String sku, int quantity, long priceCents) {}
}
