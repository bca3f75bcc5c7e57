package keystone.samples.blog;

import keystone.Column;
import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** A tag, shared by many posts. */
@Entity(table = "tags")
public record Tag(
    @PrimaryKey(autoGenerate = true) long id, @NotNull @Column(unique = true) String name) {}
