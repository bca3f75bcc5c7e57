package keystone.bench.keystone;

import static keystone.ForeignKey.Action.SET_NULL;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.NotNull;
import keystone.PrimaryKey;

/** categories -> products, ON DELETE SET NULL. */
@Entity(table = "products")
public record Product(
    @PrimaryKey(autoGenerate = true) long id,
    @ForeignKey(entity = Category.class, onDelete = SET_NULL) Long categoryId,
    @NotNull String name,
    long priceCents) {}
