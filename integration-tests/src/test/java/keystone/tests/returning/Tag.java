package keystone.tests.returning;

import keystone.Column;
import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** An auto-generated key and a unique name, for OR IGNORE. */
@Entity(table = "tags")
public record Tag(
    @PrimaryKey(autoGenerate = true) long id, @NotNull @Column(unique = true) String name) {}
