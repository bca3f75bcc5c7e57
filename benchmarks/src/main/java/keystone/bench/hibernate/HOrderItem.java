package keystone.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** order_items, with its order as a lazy @ManyToOne. */
@Entity
@Table(name = "order_items")
public class HOrderItem {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "order_id")
  public HOrder order;

  @Column(nullable = false)
  public String sku;

  @Column(nullable = false)
  public int quantity;

  @Column(name = "price_cents", nullable = false)
  public long priceCents;

  protected HOrderItem() {}

  HOrderItem(HOrder order, String sku, int quantity, long priceCents) {
    this.order = order;
    this.sku = sku;
    this.quantity = quantity;
    this.priceCents = priceCents;
  }
}
