package roomport.dao;

import androidx.room.Dao;
import androidx.room.Insert;
import androidx.room.Query;
import androidx.room.Transaction;
import java.util.List;
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
