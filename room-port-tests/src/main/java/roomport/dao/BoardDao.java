package roomport.dao;

import java.util.List;
import keystone.Dao;
import keystone.Insert;
import keystone.Query;
import keystone.Transaction;
import roomport.model.Board;
import roomport.model.BoardWithNotes;

@Dao
public abstract class BoardDao {
  @Insert
  public abstract long insert(Board board);

  @Query("SELECT * FROM Board WHERE accountId = :accountId ORDER BY id")
  public abstract List<Board> forAccount(String accountId);

  @Transaction
  @Query("SELECT * FROM Board WHERE id = :id")
  public abstract BoardWithNotes withNotes(long id);

  @Query("DELETE FROM Board WHERE id = :id")
  public abstract int delete(long id);
}
