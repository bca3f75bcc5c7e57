package keystone.tests.queries;

import java.util.List;
import java.util.Optional;
import keystone.Dao;
import keystone.Delete;
import keystone.Insert;
import keystone.Query;

@Dao
public interface QueryDao {
  @Insert
  long insertUser(User user);

  @Insert
  List<Long> insertUsers(List<User> users);

  @Insert
  long[] insertUsersArray(User... users);

  @Insert
  long insertOrder(Order order);

  @Delete
  int deleteUser(User user);

  @Query("SELECT * FROM users WHERE id = :id")
  User user(long id);

  @Query("SELECT * FROM users WHERE id = :id")
  Optional<User> findUser(long id);

  @Query("SELECT * FROM users WHERE id IN (:ids) ORDER BY id")
  List<User> usersByIds(List<Long> ids);

  @Query("SELECT COUNT(*) FROM users WHERE id IN (:ids) AND name <> :exceptName")
  long countByIdsExcept(List<Long> ids, String exceptName);

  @Query("SELECT COUNT(*) FROM users")
  long countUsers();

  @Query("SELECT name FROM users WHERE id = :id")
  String userName(long id);

  @Query("SELECT name FROM users ORDER BY id")
  List<String> names();

  @Query("SELECT email FROM users WHERE id = :id")
  Optional<String> email(long id);

  @Query("SELECT AVG(total_cents) FROM orders")
  Double averageTotal();

  @Query(
      "SELECT u.name AS name, COUNT(o.id) AS order_count,"
          + " COALESCE(SUM(o.total_cents), 0) AS total_cents"
          + " FROM users u LEFT JOIN orders o ON o.user_id = u.id"
          + " GROUP BY u.id ORDER BY u.id")
  List<UserTotal> totals();

  @Query(
      "SELECT u.name AS name, COUNT(o.id) AS order_count,"
          + " COALESCE(SUM(o.total_cents), 0) AS total_cents"
          + " FROM users u LEFT JOIN orders o ON o.user_id = u.id"
          + " WHERE u.id = :id GROUP BY u.id")
  Optional<UserTotal> totalOf(long id);

  @Query("UPDATE orders SET status = :status WHERE id IN (:ids)")
  int setStatus(String status, List<Long> ids);

  @Query("DELETE FROM orders WHERE user_id = :userId")
  int deleteOrdersOf(long userId);

  @Query("SELECT * FROM orders ORDER BY id")
  List<Order> orders();
}
