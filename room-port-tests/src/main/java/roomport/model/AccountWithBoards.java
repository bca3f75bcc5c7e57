package roomport.model;

import java.util.List;
import keystone.Embedded;
import keystone.Relation;

/** An embedded entity built through its constructor, a relation, and a projected relation. */
public class AccountWithBoards {
  @Embedded public Account account;

  @Relation(parentColumn = "id", entityColumn = "accountId")
  public List<Board> boards;

  @Relation(parentColumn = "id", entityColumn = "accountId", entity = Label.class,
      projection = {"labelName"})
  public List<String> labelNames;
}
