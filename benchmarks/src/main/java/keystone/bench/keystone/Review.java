package keystone.bench.keystone;

import static keystone.ForeignKey.Action.RESTRICT;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.NotNull;
import keystone.PrimaryKey;

/** products -> reviews, ON DELETE RESTRICT: a reviewed product cannot be deleted. */
@Entity(table = "reviews")
public record Review(
    @PrimaryKey(autoGenerate = true) long id,
    @ForeignKey(entity = Product.class, onDelete = RESTRICT) long productId,
    @NotNull String body) {}
