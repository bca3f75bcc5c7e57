package keystone.tests.relations;

import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** A tag, shared by posts. */
@Entity(table = "tags")
public record Tag(@PrimaryKey(autoGenerate = true) long id, @NotNull String name) {}
