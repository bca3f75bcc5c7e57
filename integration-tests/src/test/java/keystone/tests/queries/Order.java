package keystone.tests.queries;

import static keystone.ForeignKey.Action.RESTRICT;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.NotNull;
import keystone.PrimaryKey;

@Entity(table = "orders")
public record Order(
    @PrimaryKey(autoGenerate = true) Long id,
    @ForeignKey(entity = User.class, onDelete = RESTRICT) long userId,
    @NotNull String status,
    long totalCents) {}
