package roomport.model;

import androidx.annotation.NonNull;
import androidx.room.Entity;
import androidx.room.ForeignKey;
import androidx.room.Index;
import androidx.room.PrimaryKey;

@Entity(inheritSuperIndices = true,
    indices = {@Index("accountId")},
    foreignKeys = {@ForeignKey(entity = Account.class, parentColumns = "id",
        childColumns = "accountId", onDelete = ForeignKey.CASCADE)})
public class Board extends Timestamped {
  @PrimaryKey(autoGenerate = true) public long id;
  @NonNull public String accountId;
  @NonNull public String title;
  public boolean archived;
}
