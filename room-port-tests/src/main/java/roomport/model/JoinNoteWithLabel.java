package roomport.model;

import keystone.CompositeForeignKey;
import keystone.Entity;
import keystone.ForeignKey;
import keystone.Index;
import roomport.util.NonNull;

@Entity(primaryKey = {"noteId", "accountId", "labelName"},
    indices = {@Index(columns = {"accountId", "labelName"})},
    foreignKeys = {
      @CompositeForeignKey(entity = Note.class, parentColumns = "id", columns = "noteId",
          onDelete = ForeignKey.Action.CASCADE),
      @CompositeForeignKey(entity = Label.class, parentColumns = {"accountId", "labelName"},
          columns = {"accountId", "labelName"}, onDelete = ForeignKey.Action.CASCADE,
          onUpdate = ForeignKey.Action.CASCADE)
    })
public class JoinNoteWithLabel {
  public final long noteId;
  @NonNull public final String accountId;
  @NonNull public final String labelName;

  public JoinNoteWithLabel(long noteId, @NonNull String accountId, @NonNull String labelName) {
    this.noteId = noteId;
    this.accountId = accountId;
    this.labelName = labelName;
  }
}
