package roomport.model;

import keystone.CompositeForeignKey;
import keystone.Entity;
import keystone.ForeignKey;
import keystone.Index;
import keystone.PrimaryKey;
import roomport.util.NonNull;

@Entity(inheritSuperIndices = true,
    indices = {@Index(columns = "accountId")},
    foreignKeys = {@CompositeForeignKey(entity = Account.class, parentColumns = "id",
        columns = "accountId", onDelete = ForeignKey.Action.CASCADE)})
public class Board extends Timestamped {
  @PrimaryKey(autoGenerate = true) public long id;
  @NonNull public String accountId;
  @NonNull public String title;
  public boolean archived;
}
