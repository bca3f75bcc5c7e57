package keystone.tests.upsert;

import keystone.Entity;
import keystone.ForeignKey;

/** Nothing but its key, so its upsert is {@code DO NOTHING} on a conflict. */
@Entity(table = "follows", primaryKey = {"account_id", "owner_id"})
public record Follow(
    @ForeignKey(entity = Account.class) long accountId,
    @ForeignKey(entity = Owner.class) long ownerId) {}
