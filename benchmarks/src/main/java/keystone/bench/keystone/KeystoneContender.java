package keystone.bench.keystone;

import java.util.ArrayList;
import java.util.List;
import keystone.bench.Contender;
import keystone.bench.Sqlite;
import keystone.bench.Store;
import keystone.engine.Keystone;
import keystone.engine.KeystoneException;
import keystone.engine.Retry;

/**
 * Keystone's generated DAOs, used as its README shows; on PostgreSQL through
 * {@code Keystone.builder(...).postgres(url)}, which opens its own HikariCP pool.
 */
public final class KeystoneContender implements Contender.Keys {
  private BenchDatabase db;
  private BenchDao dao;

  @Override
  public void open(Store store) {
    db = store.postgres()
        ? Keystone.builder(BenchDatabase.class).postgres(store.url()).build()
        : Keystone.open(BenchDatabase.class, store.file());
    dao = db.dao();
  }

  @Override
  public void insertUsersBulk(int n, int seed) {
    List<User> users = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      users.add(new User(0, Sqlite.name(i), Sqlite.email(seed, i), Sqlite.age(i)));
    }
    dao.insertUsers(users);
  }

  @Override
  public void insertUsersOneByOne(int n, int seed) {
    for (int i = 0; i < n; i++) {
      dao.addUser(new User(0, Sqlite.name(i), Sqlite.email(seed, i), Sqlite.age(i)));
    }
  }

  @Override
  public long loadById(long[] ids) {
    long h = 0;
    for (long id : ids) {
      User u = dao.userById(id);
      h = Sqlite.touch(h, u.id(), u.name(), u.email(), u.age());
    }
    return h;
  }

  @Override
  public long loadAll() {
    long h = 0;
    for (User u : dao.allUsers()) {
      h = Sqlite.touch(h, u.id(), u.name(), u.email(), u.age());
    }
    return h;
  }

  @Override
  public void updateAll() {
    db.runInTransaction(
        () -> {
          List<User> all = dao.allUsers();
          List<User> changed = new ArrayList<>(all.size());
          for (User u : all) {
            changed.add(new User(u.id(), u.name(), u.email(), u.age() + 1));
          }
          dao.updateUsers(changed);
        });
  }

  @Override
  public int deleteAll() {
    return dao.deleteAllUsers();
  }

  @Override
  public long queryByEmail(String[] emails) {
    long h = 0;
    for (String email : emails) {
      User u = dao.userByEmail(email);
      h = Sqlite.touch(h, u.id(), u.name(), u.email(), u.age());
    }
    return h;
  }

  @Override
  public void writeGraph(int users, int ordersPerUser, int itemsPerOrder, int seed) {
    db.runInTransaction(
        () -> {
          for (int u = 0; u < users; u++) {
            long userId =
                dao.insertUser(new User(0, Sqlite.name(u), Sqlite.email(seed, u), Sqlite.age(u)));
            for (int o = 0; o < ordersPerUser; o++) {
              long orderId = dao.insertOrder(new Order(0, userId, "pending", o * 100L));
              List<OrderItem> items = new ArrayList<>(itemsPerOrder);
              for (int i = 0; i < itemsPerOrder; i++) {
                items.add(new OrderItem(0, orderId, "SKU-" + i, 1 + i, 250L * i));
              }
              dao.insertItems(items);
            }
          }
        });
  }

  @Override
  public long readGraph(long[] userIds) {
    long h = 0;
    for (long id : userIds) {
      User u = dao.userById(id);
      h = Sqlite.touch(h, u.id(), u.name(), u.email(), u.age());
      for (Order o : dao.ordersOf(id)) {
        h = Sqlite.touch(h, o.id(), "", o.status(), o.userId() + o.totalCents());
        for (OrderItem i : dao.itemsOf(o.id())) {
          h = Sqlite.touch(h, i.id(), "", i.sku(), i.orderId() + i.quantity() + i.priceCents());
        }
      }
    }
    return h;
  }

  @Override
  public void insertItems(long[] orderIds, int n, boolean keyed) {
    if (keyed) {
      List<OrderItem> items = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        items.add(new OrderItem(0, orderIds[i % orderIds.length], "SKU-" + i, 1 + i % 5, 250L * i));
      }
      dao.insertItems(items);
    } else {
      List<LooseItem> items = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        items.add(new LooseItem(0, orderIds[i % orderIds.length], "SKU-" + i, 1 + i % 5, 250L * i));
      }
      dao.insertLooseItems(items);
    }
  }

  @Override
  public void deleteOrder(long orderId, boolean cascade) {
    if (cascade) {
      dao.deleteOrder(orderId);
    } else {
      db.runInTransaction(
          () -> {
            dao.deleteItemsOf(orderId);
            dao.deleteOrder(orderId);
          });
    }
  }

  @Override
  public int deleteCategory(long id) {
    return dao.deleteCategory(id);
  }

  @Override
  public Exception deleteBlockedProduct(long productId) {
    try {
      dao.deleteProduct(new Product(productId, null, "", 0));
      return null;
    } catch (KeystoneException e) {
      return e;
    }
  }

  @Override
  public void importDeferred(int users, int ordersPerUser) {
    db.runInTransaction(
        () -> {
          db.deferForeignKeys();
          List<Object[]> max = db.query("SELECT COALESCE(MAX(id), 0) FROM users");
          long firstUser = (Long) max.get(0)[0] + 1;
          List<Order> orders = new ArrayList<>(users * ordersPerUser);
          for (int u = 0; u < users; u++) {
            for (int o = 0; o < ordersPerUser; o++) {
              orders.add(new Order(0, firstUser + u, "imported", o));
            }
          }
          dao.insertOrders(orders);
          List<User> parents = new ArrayList<>(users);
          for (int u = 0; u < users; u++) {
            parents.add(new User(firstUser + u, Sqlite.name(u), Sqlite.email(-1, u), Sqlite.age(u)));
          }
          dao.insertUsers(parents);
        });
  }

  @Override
  public long placeOrder(long userId, boolean retrying) {
    long[] orderId = new long[1];
    Runnable body =
        () -> {
          User u = dao.userById(userId);
          orderId[0] = dao.insertOrder(new Order(0, u.id(), "placed", u.age() * 100L));
          List<OrderItem> items = new ArrayList<>(3);
          for (int i = 0; i < 3; i++) {
            items.add(new OrderItem(0, orderId[0], "SKU-" + i, 1 + i, 250L * i));
          }
          dao.insertItems(items);
        };
    if (retrying) {
      db.runInTransaction(Retry.transientFailures(5), body);
    } else {
      db.runInTransaction(body);
    }
    return orderId[0];
  }

  @Override
  public void close() {
    if (db != null) {
      db.close();
    }
  }
}
