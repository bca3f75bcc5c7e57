package roomport.model;

import androidx.room.Embedded;
import androidx.room.Relation;
import java.util.List;

public class BoardWithNotes {
  @Embedded public Board board;

  @Relation(parentColumn = "id", entityColumn = "boardId")
  public List<Note> notes;
}
