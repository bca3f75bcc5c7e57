package roomport.model;

import keystone.CompositeForeignKey;
import keystone.Entity;
import keystone.ForeignKey;
import roomport.util.NonNull;

/** A composite key, which {@link JoinNoteWithLabel} references with ON UPDATE CASCADE. */
@Entity(primaryKey = {"accountId", "labelName"},
    foreignKeys = {@CompositeForeignKey(entity = Account.class, parentColumns = "id",
        columns = "accountId", onDelete = ForeignKey.Action.CASCADE)})
public class Label {
  @NonNull public final String accountId;
  @NonNull public final String labelName;
  public String color;

  public Label(@NonNull String accountId, @NonNull String labelName) {
    this.accountId = accountId;
    this.labelName = labelName;
  }
}
