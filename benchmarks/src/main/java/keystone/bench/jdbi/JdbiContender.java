package keystone.bench.jdbi;

import java.util.ArrayList;
import java.util.List;
import keystone.bench.Contender;
import keystone.bench.Sqlite;
import keystone.bench.Store;
import keystone.bench.jdbi.Rows.Order;
import keystone.bench.jdbi.Rows.OrderItem;
import keystone.bench.jdbi.Rows.User;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * JDBI 3 (chosen over jOOQ: it needs no code generation step against a live database and is the
 * closest in spirit to DAO interfaces). One long-lived Handle with the SQL Object attached, as a
 * single-connection SQLite app keeps it; transactions through Handle.useTransaction. On
 * PostgreSQL the Handle's connection comes from the suite's HikariCP pool.
 */
public final class JdbiContender implements Contender {
  private Handle handle;
  private BenchSql sql;

  @Override
  public void open(Store store) {
    Jdbi jdbi = Jdbi.create(store::connect).installPlugin(new SqlObjectPlugin());
    handle = jdbi.open();
    sql = handle.attach(BenchSql.class);
  }

  @Override
  public void insertUsersBulk(int n, int seed) {
    List<User> users = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      users.add(new User(0, Sqlite.name(i), Sqlite.email(seed, i), Sqlite.age(i)));
    }
    handle.useTransaction(h -> sql.insertUsers(users));
  }

  @Override
  public void insertUsersOneByOne(int n, int seed) {
    for (int i = 0; i < n; i++) {
      sql.insertUser(new User(0, Sqlite.name(i), Sqlite.email(seed, i), Sqlite.age(i)));
    }
  }

  @Override
  public long loadById(long[] ids) {
    long h = 0;
    for (long id : ids) {
      User u = sql.userById(id);
      h = Sqlite.touch(h, u.id(), u.name(), u.email(), u.age());
    }
    return h;
  }

  @Override
  public long loadAll() {
    long h = 0;
    for (User u : sql.allUsers()) {
      h = Sqlite.touch(h, u.id(), u.name(), u.email(), u.age());
    }
    return h;
  }

  @Override
  public void updateAll() {
    handle.useTransaction(
        h -> {
          List<User> all = sql.allUsers();
          List<User> changed = new ArrayList<>(all.size());
          for (User u : all) {
            changed.add(new User(u.id(), u.name(), u.email(), u.age() + 1));
          }
          sql.updateUsers(changed);
        });
  }

  @Override
  public int deleteAll() {
    return sql.deleteAllUsers();
  }

  @Override
  public long queryByEmail(String[] emails) {
    long h = 0;
    for (String email : emails) {
      User u = sql.userByEmail(email);
      h = Sqlite.touch(h, u.id(), u.name(), u.email(), u.age());
    }
    return h;
  }

  @Override
  public void writeGraph(int users, int ordersPerUser, int itemsPerOrder, int seed) {
    handle.useTransaction(
        h -> {
          for (int u = 0; u < users; u++) {
            long userId =
                sql.insertUser(new User(0, Sqlite.name(u), Sqlite.email(seed, u), Sqlite.age(u)));
            for (int o = 0; o < ordersPerUser; o++) {
              long orderId = sql.insertOrder(new Order(0, userId, "pending", o * 100L));
              List<OrderItem> items = new ArrayList<>(itemsPerOrder);
              for (int i = 0; i < itemsPerOrder; i++) {
                items.add(new OrderItem(0, orderId, "SKU-" + i, 1 + i, 250L * i));
              }
              sql.insertItems(items);
            }
          }
        });
  }

  @Override
  public long readGraph(long[] userIds) {
    long h = 0;
    for (long id : userIds) {
      User u = sql.userById(id);
      h = Sqlite.touch(h, u.id(), u.name(), u.email(), u.age());
      for (Order o : sql.ordersOf(id)) {
        h = Sqlite.touch(h, o.id(), "", o.status(), o.userId() + o.totalCents());
        for (OrderItem i : sql.itemsOf(o.id())) {
          h = Sqlite.touch(h, i.id(), "", i.sku(), i.orderId() + i.quantity() + i.priceCents());
        }
      }
    }
    return h;
  }

  @Override
  public void close() {
    if (handle != null) {
      handle.close();
    }
  }
}
