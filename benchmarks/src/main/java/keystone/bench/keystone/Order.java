package keystone.bench.keystone;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.NotNull;
import keystone.PrimaryKey;

/** users -> orders, ON DELETE CASCADE, with the automatic index on user_id. */
@Entity(table = "orders")
public record Order(
    @PrimaryKey(autoGenerate = true) long id,
    @ForeignKey(entity = User.class, onDelete = CASCADE) long userId,
    @NotNull String status,
    long totalCents) {}
