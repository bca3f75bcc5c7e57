package keystone.tests.observe;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;
import keystone.Dao;
import keystone.Delete;
import keystone.Insert;
import keystone.OnConflict;
import keystone.Query;
import keystone.Upsert;
import keystone.tests.relations.Customer;
import keystone.tests.relations.CustomerGraph;
import keystone.tests.relations.Item;
import keystone.tests.relations.Product;
import keystone.tests.relations.Purchase;
import keystone.tests.relations.Tag;

@Dao
public interface ObserveDao {
  @Insert
  long insert(Customer customer);

  @Upsert
  void save(Customer customer);

  /** REPLACE deletes the old row first, so its ON DELETE CASCADE children go (a warning says so). */
  @Insert(onConflict = OnConflict.REPLACE)
  void replace(Customer customer);

  @Insert
  long insert(Purchase order);

  @Insert
  long insert(Product product);

  @Insert
  long insert(Item item);

  @Insert
  long insert(Tag tag);

  @Delete
  int delete(Customer customer);

  @Query("DELETE FROM users WHERE id = :id")
  int deleteCustomer(long id);

  @Query("SELECT * FROM orders ORDER BY id")
  Flow.Publisher<List<Purchase>> orders();

  @Query("SELECT COUNT(*) FROM order_items")
  Flow.Publisher<Long> itemCount();

  @Query("SELECT * FROM users WHERE id = :id")
  Flow.Publisher<Optional<Customer>> customer(long id);

  @Query("SELECT * FROM users WHERE id = :id")
  Flow.Publisher<Customer> customerRow(long id);

  @Query("SELECT * FROM users ORDER BY id")
  Flow.Publisher<List<CustomerGraph>> graphs();
}
