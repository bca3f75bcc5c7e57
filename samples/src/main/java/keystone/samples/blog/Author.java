package keystone.samples.blog;

import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** A blog author. */
@Entity(table = "authors")
public record Author(@PrimaryKey(autoGenerate = true) long id, @NotNull String name) {}
