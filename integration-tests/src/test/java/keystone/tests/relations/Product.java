package keystone.tests.relations;

import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** A product; items keep it alive (RESTRICT). */
@Entity(table = "products")
public record Product(@PrimaryKey(autoGenerate = true) long id, @NotNull String name) {}
