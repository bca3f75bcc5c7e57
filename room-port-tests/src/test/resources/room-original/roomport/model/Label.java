package roomport.model;

import androidx.annotation.NonNull;
import androidx.room.Entity;
import androidx.room.ForeignKey;

/** A composite key, which {@link JoinNoteWithLabel} references with ON UPDATE CASCADE. */
@Entity(primaryKeys = {"accountId", "labelName"},
    foreignKeys = {@ForeignKey(entity = Account.class, parentColumns = "id",
        childColumns = "accountId", onDelete = ForeignKey.CASCADE)})
public class Label {
  @NonNull public final String accountId;
  @NonNull public final String labelName;
  public String color;

  public Label(@NonNull String accountId, @NonNull String labelName) {
    this.accountId = accountId;
    this.labelName = labelName;
  }
}
