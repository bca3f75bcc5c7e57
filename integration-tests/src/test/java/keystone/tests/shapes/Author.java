package keystone.tests.shapes;

import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

@Entity(table = "authors")
public record Author(@PrimaryKey long id, @NotNull String name) {}
