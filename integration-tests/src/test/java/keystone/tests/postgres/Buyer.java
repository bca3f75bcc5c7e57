package keystone.tests.postgres;

import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

@Entity(table = "buyers")
public record Buyer(@PrimaryKey long id, @NotNull String name) {}
