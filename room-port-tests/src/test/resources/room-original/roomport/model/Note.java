package roomport.model;

import androidx.annotation.NonNull;
import androidx.room.Entity;
import androidx.room.ForeignKey;
import androidx.room.Ignore;
import androidx.room.Index;
import androidx.room.PrimaryKey;

/** Final fields set by a constructor, getters only, and a {@code Boolean} named {@code isX}. */
@Entity(
    indices = {@Index("accountId"), @Index("boardId")},
    foreignKeys = {
      @ForeignKey(entity = Account.class, parentColumns = "id", childColumns = "accountId",
          onDelete = ForeignKey.RESTRICT),
      @ForeignKey(entity = Board.class, parentColumns = "id", childColumns = "boardId",
          onDelete = ForeignKey.CASCADE)
    })
public class Note {
  @PrimaryKey(autoGenerate = true) private final long id;
  @NonNull private final String accountId;
  private final long boardId;
  @NonNull private final String text;
  private Boolean isPinned;
  private String color;

  public Note(long id, @NonNull String accountId, long boardId, @NonNull String text) {
    this.id = id;
    this.accountId = accountId;
    this.boardId = boardId;
    this.text = text;
  }

  @Ignore
  public Note(@NonNull String accountId, long boardId, @NonNull String text) {
    this(0, accountId, boardId, text);
  }

  public long getId() {
    return id;
  }

  @NonNull
  public String getAccountId() {
    return accountId;
  }

  public long getBoardId() {
    return boardId;
  }

  @NonNull
  public String getText() {
    return text;
  }

  public Boolean isPinned() {
    return isPinned;
  }

  public void setPinned(Boolean pinned) {
    isPinned = pinned;
  }

  public String getColor() {
    return color;
  }

  public void setColor(String color) {
    this.color = color;
  }
}
