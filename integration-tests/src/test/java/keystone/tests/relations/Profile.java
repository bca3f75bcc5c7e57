package keystone.tests.relations;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

/** One-to-one: the key is also the foreign key, so a customer has at most one profile. */
@Entity(table = "profiles")
public record Profile(
    @PrimaryKey @ForeignKey(entity = Customer.class, onDelete = CASCADE) long userId,
    String bio) {}
