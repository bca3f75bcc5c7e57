package keystone.tests.upsert;

import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** The parent of both of an account's keys. */
@Entity(table = "owners")
public record Owner(@PrimaryKey long id, @NotNull String name) {}
