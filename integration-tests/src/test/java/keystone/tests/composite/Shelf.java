package keystone.tests.composite;

import static keystone.ForeignKey.Action.RESTRICT;

import keystone.CompositeForeignKey;
import keystone.Entity;
import keystone.PrimaryKey;

/** A named composite key with explicit parent columns, nullable child columns and RESTRICT. */
@Entity(
    table = "shelves",
    foreignKeys =
        @CompositeForeignKey(
            entity = Warehouse.class,
            columns = {"home_region", "home_code"},
            parentColumns = {"region", "code"},
            onDelete = RESTRICT,
            onUpdate = RESTRICT,
            name = "fk_shelf_home"))
public record Shelf(@PrimaryKey long id, String homeRegion, Integer homeCode) {}
