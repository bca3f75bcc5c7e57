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

/** orders, with its user as a lazy @ManyToOne (Hibernate's recommended default). */
@Entity
@Table(name = "orders")
public class HOrder {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "user_id")
  public HUser user;

  @Column(nullable = false)
  public String status;

  @Column(name = "total_cents", nullable = false)
  public long totalCents;

  protected HOrder() {}

  HOrder(HUser user, String status, long totalCents) {
    this.user = user;
    this.status = status;
    this.totalCents = totalCents;
  }
}
