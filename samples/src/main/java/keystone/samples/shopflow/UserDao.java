package keystone.samples.shopflow;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;
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

  /**
   * Every user with profile, orders, items and products, in five queries (one per relation
   * level) inside one read snapshot, never one query per user.
   */
  @Query("SELECT * FROM users ORDER BY id")
  List<UserWithOrders> usersWithOrders();

  /** One user's graph, or empty. */
  @Query("SELECT * FROM users WHERE id = :id")
  Optional<UserWithOrders> userWithOrders(long id);

  /** Every user, now and after each commit that changes {@code users}. */
  @Query("SELECT * FROM users ORDER BY id")
  Flow.Publisher<List<User>> observeUsers();
}
