package keystone.tests.actions;

import keystone.Column;
import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** A parent with a key (id) and a second, unique key (code) that children may reference. */
@Entity(table = "parents")
public record Parent(@PrimaryKey long id, @NotNull @Column(unique = true) String code) {}
