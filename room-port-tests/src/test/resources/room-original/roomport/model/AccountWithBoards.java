package roomport.model;

import androidx.room.Embedded;
import androidx.room.Relation;
import java.util.List;

/** An embedded entity built through its constructor, a relation, and a projected relation. */
public class AccountWithBoards {
  @Embedded public Account account;

  @Relation(parentColumn = "id", entityColumn = "accountId")
  public List<Board> boards;

  @Relation(parentColumn = "id", entityColumn = "accountId", entity = Label.class,
      projection = {"labelName"})
  public List<String> labelNames;
}
