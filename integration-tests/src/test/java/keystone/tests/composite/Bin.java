package keystone.tests.composite;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.CompositeForeignKey;
import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** A composite key with default name and parent columns, cascading both ways. */
@Entity(
    table = "bins",
    foreignKeys =
        @CompositeForeignKey(
            entity = Warehouse.class,
            columns = {"region", "warehouse_code"},
            onDelete = CASCADE,
            onUpdate = CASCADE))
public record Bin(@PrimaryKey long id, @NotNull String region, int warehouseCode, String label) {}
