package keystone.tests.relations;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.NotNull;
import keystone.PrimaryKey;

/** A post by a customer. */
@Entity(table = "posts")
public record Post(
    @PrimaryKey(autoGenerate = true) long id,
    @ForeignKey(entity = Customer.class, onDelete = CASCADE) long userId,
    @NotNull String title) {}
