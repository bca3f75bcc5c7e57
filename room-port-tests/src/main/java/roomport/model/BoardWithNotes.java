package roomport.model;

import java.util.List;
import keystone.Embedded;
import keystone.Relation;

public class BoardWithNotes {
  @Embedded public Board board;

  @Relation(parentColumn = "id", entityColumn = "boardId")
  public List<Note> notes;
}
