package keystone.samples.shopflow;

import static keystone.ForeignKey.Action.CASCADE;
import static keystone.ForeignKey.Action.RESTRICT;

import keystone.Column;
import keystone.Entity;
import keystone.ForeignKey;
import keystone.NotNull;
import keystone.PrimaryKey;

/**
 * An order. {@code user_id} is {@code ON DELETE RESTRICT}: order history is needed for
 * accounting, so deleting its customer must be an explicit decision, never a side effect.
 */
@Entity(table = "orders")
public record Order(
    @PrimaryKey(autoGenerate = true) long id,
    @ForeignKey(entity = User.class, onDelete = RESTRICT, onUpdate = CASCADE) long userId,
    @NotNull @Column(defaultValue = "'pending'") String status) {}
