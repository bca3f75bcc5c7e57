package keystone.bench.ormlite;

import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;

/** orders, with its user as an ORMLite foreign field (the id only, no auto-refresh). */
@DatabaseTable(tableName = "orders")
public class OOrder {
  @DatabaseField(generatedId = true)
  public long id;

  @DatabaseField(foreign = true, columnName = "user_id", canBeNull = false)
  public OUser user;

  @DatabaseField(canBeNull = false)
  public String status;

  @DatabaseField(columnName = "total_cents")
  public long totalCents;

  OOrder() {}
}
