package keystone.samples.shopflow;

import java.util.List;
import java.util.Optional;
import keystone.Dao;
import keystone.Delete;
import keystone.Insert;
import keystone.Query;
import keystone.Update;
import keystone.Upsert;

/** Users and their profiles. */
@Dao
public interface UserDao {
  /** Inserts a user and returns its new id. */
  @Insert
  long insert(User user);

  /** Inserts or updates in place; never deletes, so profiles and orders are untouched. */
  @Upsert
  void upsert(User user);

  @Update
  int update(User user);

  @Delete
  int delete(User user);

  @Query("SELECT * FROM users WHERE id = :id")
  Optional<User> findById(long id);

  @Query("SELECT * FROM users ORDER BY id")
  List<User> all();

  @Query("SELECT COUNT(*) FROM users")
  long count();

  @Insert
  void insertProfile(UserProfile profile);

  @Query("SELECT * FROM user_profiles WHERE user_id = :userId")
  Optional<UserProfile> profileOf(long userId);
}
