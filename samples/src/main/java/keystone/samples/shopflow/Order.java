package keystone.samples.shopflow;

import static keystone.ForeignKey.Action.CASCADE;
import static keystone.ForeignKey.Action.RESTRICT;

import java.time.Instant;
import java.util.UUID;
import keystone.Column;
import keystone.Entity;
import keystone.ForeignKey;
import keystone.NotNull;
import keystone.PrimaryKey;

/**
 * An order. {@code user_id} is {@code ON DELETE RESTRICT}: order history is needed for
 * accounting, so deleting its customer must be an explicit decision, never a side effect.
 * {@code placedAt} is an {@link Instant} (an INTEGER of microseconds on SQLite, TIMESTAMPTZ on
 * PostgreSQL, so orders sort by time in SQL); {@code reference} is the number a customer quotes,
 * a random {@link UUID} rather than the key, so it gives away nothing about how many orders
 * there are.
 */
@Entity(table = "orders")
public record Order(
    @PrimaryKey(autoGenerate = true) long id,
    @ForeignKey(entity = User.class, onDelete = RESTRICT, onUpdate = CASCADE) long userId,
    @NotNull @Column(defaultValue = "'pending'") String status,
    @NotNull Instant placedAt,
    @NotNull @Column(unique = true) UUID reference) {

  /** A new order, placed now, with a fresh reference. */
  public Order(long id, long userId, String status) {
    this(id, userId, status, Instant.now(), UUID.randomUUID());
  }
}
