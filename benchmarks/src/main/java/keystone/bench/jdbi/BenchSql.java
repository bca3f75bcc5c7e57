package keystone.bench.jdbi;

import java.util.List;
import keystone.bench.jdbi.Rows.Order;
import keystone.bench.jdbi.Rows.OrderItem;
import keystone.bench.jdbi.Rows.User;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** JDBI's declarative SQL Object API, the style its developer guide leads with. */
@RegisterConstructorMapper(User.class)
@RegisterConstructorMapper(Order.class)
@RegisterConstructorMapper(OrderItem.class)
public interface BenchSql {
  @SqlBatch("INSERT INTO users (name, email, age) VALUES (:name, :email, :age)")
  void insertUsers(@BindMethods List<User> users);

  @SqlUpdate("INSERT INTO users (name, email, age) VALUES (:name, :email, :age)")
  @GetGeneratedKeys("id")
  long insertUser(@BindMethods User user);

  @SqlQuery("SELECT * FROM users WHERE id = :id")
  User userById(@Bind("id") long id);

  @SqlQuery("SELECT * FROM users")
  List<User> allUsers();

  @SqlBatch("UPDATE users SET name = :name, email = :email, age = :age WHERE id = :id")
  void updateUsers(@BindMethods List<User> users);

  @SqlUpdate("DELETE FROM users")
  int deleteAllUsers();

  @SqlQuery("SELECT * FROM users WHERE email = :email")
  User userByEmail(@Bind("email") String email);

  @SqlUpdate("INSERT INTO orders (user_id, status, total_cents) VALUES (:userId, :status, :totalCents)")
  @GetGeneratedKeys("id")
  long insertOrder(@BindMethods Order order);

  @SqlBatch("INSERT INTO order_items (order_id, sku, quantity, price_cents)"
      + " VALUES (:orderId, :sku, :quantity, :priceCents)")
  void insertItems(@BindMethods List<OrderItem> items);

  @SqlQuery("SELECT * FROM orders WHERE user_id = :userId")
  List<Order> ordersOf(@Bind("userId") long userId);

  @SqlQuery("SELECT * FROM order_items WHERE order_id = :orderId")
  List<OrderItem> itemsOf(@Bind("orderId") long orderId);
}
