package roomport.model;

import androidx.annotation.NonNull;
import androidx.room.Entity;
import androidx.room.ForeignKey;
import androidx.room.Index;

@Entity(primaryKeys = {"noteId", "accountId", "labelName"},
    indices = {@Index(value = {"accountId", "labelName"})},
    foreignKeys = {
      @ForeignKey(entity = Note.class, parentColumns = "id", childColumns = "noteId",
          onDelete = ForeignKey.CASCADE),
      @ForeignKey(entity = Label.class, parentColumns = {"accountId", "labelName"},
          childColumns = {"accountId", "labelName"}, onDelete = ForeignKey.CASCADE,
          onUpdate = ForeignKey.CASCADE)
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
