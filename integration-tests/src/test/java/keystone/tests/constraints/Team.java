package keystone.tests.constraints;

import keystone.Column;
import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** A parent with a unique name; its members cascade on delete. */
@Entity(table = "teams")
public record Team(@PrimaryKey long id, @NotNull @Column(unique = true) String name) {}
