package roomport.dao;

import java.util.List;
import keystone.Dao;
import keystone.Delete;
import keystone.Insert;
import keystone.OnConflict;
import keystone.Query;
import keystone.Transaction;
import keystone.Update;
import roomport.model.Account;
import roomport.model.AccountWithBoards;

@Dao
public interface AccountDao {
  @Insert
  void insert(Account account);

  @Update(onConflict = OnConflict.IGNORE)
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
