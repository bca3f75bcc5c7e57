package keystone.tests.deferred;

import keystone.Entity;
import keystone.PrimaryKey;

/** The parent of every key in the ledger. */
@Entity(table = "accounts")
public record Account(@PrimaryKey long id, String name) {}
