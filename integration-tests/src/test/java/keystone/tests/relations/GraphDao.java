package keystone.tests.relations;

import java.util.List;
import java.util.Optional;
import keystone.Dao;
import keystone.Delete;
import keystone.Insert;
import keystone.Query;

@Dao
public interface GraphDao {
  @Insert
  long insert(Customer customer);

  @Insert
  long[] insertCustomers(List<Customer> customers);

  @Insert
  void insert(Profile profile);

  @Insert
  long insert(Product product);

  @Insert
  long insert(Purchase order);

  @Insert
  long[] insertOrders(List<Purchase> orders);

  @Insert
  long insert(Item item);

  @Insert
  void insertItems(List<Item> items);

  @Insert
  long insert(Post post);

  @Insert
  long insert(Tag tag);

  @Insert
  void insert(PostTag link);

  @Insert
  void insert(Node... nodes);

  @Insert
  void insert(Staff... staff);

  @Delete
  int delete(Customer customer);

  @Query("DELETE FROM users WHERE id = :id")
  int deleteCustomer(long id);

  @Query("DELETE FROM products WHERE id = :id")
  int deleteProduct(long id);

  @Query("DELETE FROM nodes WHERE id = :id")
  int deleteNode(long id);

  @Query("DELETE FROM staff WHERE id = :id")
  int deleteStaff(long id);

  @Query("SELECT * FROM users ORDER BY id")
  List<CustomerGraph> customers();

  @Query("SELECT * FROM users WHERE id = :id")
  Optional<CustomerGraph> customer(long id);

  @Query("SELECT * FROM users WHERE id = :id")
  CustomerGraph customerOrNull(long id);

  @Query("SELECT * FROM users ORDER BY id")
  List<CustomerOrders> customerOrders();

  @Query("SELECT * FROM posts WHERE id IN (:ids) ORDER BY id")
  List<PostWithTags> posts(List<Long> ids);

  @Query(
      "SELECT o.id, o.status, u.id AS buyer_id, u.name AS buyer_name"
          + " FROM orders o JOIN users u ON u.id = o.user_id ORDER BY o.id")
  List<OrderWithBuyer> ordersWithBuyers();
}
