package keystone.bench.keystone;

import java.util.List;
import keystone.Dao;
import keystone.Delete;
import keystone.Insert;
import keystone.Query;
import keystone.Update;

/** Every operation the suite measures, as a Keystone user would declare it. */
@Dao
public interface BenchDao {
  @Insert
  void insertUsers(List<User> users);

  @Insert
  long insertUser(User user);

  /** As hand JDBC's one-by-one insert: the new id is not read back. */
  @Insert
  void addUser(User user);

  @Update
  int updateUsers(List<User> users);

  @Query("SELECT * FROM users WHERE id = :id")
  User userById(long id);

  @Query("SELECT * FROM users")
  List<User> allUsers();

  @Query("SELECT * FROM users WHERE email = :email")
  User userByEmail(String email);

  @Query("DELETE FROM users")
  int deleteAllUsers();

  @Insert
  long insertOrder(Order order);

  @Insert
  void insertOrders(List<Order> orders);

  @Insert
  void insertItems(List<OrderItem> items);

  @Insert
  void insertLooseItems(List<LooseItem> items);

  @Query("SELECT * FROM orders WHERE user_id = :userId")
  List<Order> ordersOf(long userId);

  @Query("SELECT * FROM order_items WHERE order_id = :orderId")
  List<OrderItem> itemsOf(long orderId);

  @Query("DELETE FROM orders WHERE id = :id")
  int deleteOrder(long id);

  @Query("DELETE FROM order_items WHERE order_id = :orderId")
  int deleteItemsOf(long orderId);

  @Query("DELETE FROM categories WHERE id = :id")
  int deleteCategory(long id);

  @Delete
  int deleteProduct(Product product);
}
