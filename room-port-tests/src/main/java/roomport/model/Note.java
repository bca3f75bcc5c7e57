package roomport.model;

import keystone.CompositeForeignKey;
import keystone.Entity;
import keystone.ForeignKey;
import keystone.Ignore;
import keystone.Index;
import keystone.PrimaryKey;
import roomport.util.NonNull;

/** Final fields set by a constructor, getters only, and a {@code Boolean} named {@code isX}. */
@Entity(
    indices = {@Index(columns = "accountId"), @Index(columns = "boardId")},
    foreignKeys = {
      @CompositeForeignKey(entity = Account.class, parentColumns = "id", columns = "accountId",
          onDelete = ForeignKey.Action.RESTRICT),
      @CompositeForeignKey(entity = Board.class, parentColumns = "id", columns = "boardId",
          onDelete = ForeignKey.Action.CASCADE)
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
