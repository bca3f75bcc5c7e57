package keystone.bench.ormlite;

import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;

/** order_items, with its order as an ORMLite foreign field. */
@DatabaseTable(tableName = "order_items")
public class OOrderItem {
  @DatabaseField(generatedId = true)
  public long id;

  @DatabaseField(foreign = true, columnName = "order_id", canBeNull = false)
  public OOrder order;

  @DatabaseField(canBeNull = false)
  public String sku;

  @DatabaseField
  public int quantity;

  @DatabaseField(columnName = "price_cents")
  public long priceCents;

  OOrderItem() {}
}
