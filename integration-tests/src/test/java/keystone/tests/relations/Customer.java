package keystone.tests.relations;

import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** A customer; orders, the profile and posts go away with them (CASCADE). */
@Entity(table = "users")
public record Customer(@PrimaryKey(autoGenerate = true) long id, @NotNull String name) {}
