package keystone.tests.upsert;

import java.util.List;
import keystone.Dao;
import keystone.Insert;
import keystone.Query;
import keystone.Upsert;

@Dao
public interface UpsertDao {
  @Insert
  void insert(Owner owner);

  @Upsert
  long upsert(Account account);

  @Upsert
  void upsertQuietly(Account account);

  @Upsert
  List<Long> upsertAll(List<Account> accounts);

  @Upsert
  void upsertAllQuietly(List<Account> accounts);

  @Upsert
  long follow(Follow follow);

  @Upsert
  void followAll(List<Follow> follows);

  @Query("SELECT * FROM accounts ORDER BY id")
  List<Account> accounts();

  @Query("SELECT * FROM follows ORDER BY account_id, owner_id")
  List<Follow> follows();
}
