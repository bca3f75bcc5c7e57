package keystone.tests.readme;

import static keystone.ForeignKey.Action.RESTRICT;

import java.util.List;
import keystone.Column;
import keystone.Dao;
import keystone.Database;
import keystone.Entity;
import keystone.ForeignKey;
import keystone.Insert;
import keystone.NotNull;
import keystone.PrimaryKey;
import keystone.Query;
import keystone.engine.KeystoneDatabase;

/** The README's example, word for word, so that it keeps compiling and doing what it says. */
final class ReadmeExample {
  private ReadmeExample() {}

  @Entity(table = "users")
  record User(
      @PrimaryKey(autoGenerate = true) long id, @Column(unique = true) @NotNull String email) {}

  @Entity(table = "orders")
  record Order(
      @PrimaryKey(autoGenerate = true) long id,
      @ForeignKey(entity = User.class, onDelete = RESTRICT) long userId,
      @Column(defaultValue = "'pending'") @NotNull String status) {}

  @Dao
  interface OrderDao {
    @Insert
    long insert(User user);

    @Insert
    long insert(Order order);

    @Query("SELECT * FROM orders WHERE user_id = :userId")
    List<Order> ordersOf(long userId);

    @Query("DELETE FROM users WHERE id = :id")
    int deleteUser(long id);
  }

  @Database(entities = {User.class, Order.class}, version = 1)
  interface Shop extends KeystoneDatabase {
    OrderDao orders();
  }
}
