package keystone.bench.keystone;

import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** The parent of the SET NULL fan-out. */
@Entity(table = "categories")
public record Category(@PrimaryKey(autoGenerate = true) long id, @NotNull String name) {}
