package keystone.tests.deferred;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

/** A deferred NO ACTION key: checked at commit inside a transaction. */
@Entity(table = "entries")
public record Entry(
    @PrimaryKey long id,
    @ForeignKey(entity = Account.class, deferred = true) long accountId,
    long amount) {}
