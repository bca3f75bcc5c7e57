package roomport.dao;

import androidx.room.Dao;
import androidx.room.Delete;
import androidx.room.Insert;
import androidx.room.OnConflictStrategy;
import androidx.room.Query;
import androidx.room.Transaction;
import androidx.room.Update;
import java.util.List;
import roomport.model.Account;
import roomport.model.AccountWithBoards;

@Dao
public interface AccountDao {
  @Insert
  void insert(Account account);

  @Update(onConflict = OnConflictStrategy.IGNORE)
  int update(Account account);

  @Delete
  int delete(Account account);

  @Query("SELECT * FROM Account WHERE id = :id")
  Account byId(String id);

  @Query("SELECT * FROM Account ORDER BY email")
  List<Account> all();

  @Transaction
  @Query("SELECT * FROM Account WHERE id = :id")
  AccountWithBoards withBoards(String id);
}
