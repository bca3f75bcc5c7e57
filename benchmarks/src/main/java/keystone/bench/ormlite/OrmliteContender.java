package keystone.bench.ormlite;

import com.j256.ormlite.dao.Dao;
import com.j256.ormlite.dao.DaoManager;
import com.j256.ormlite.jdbc.DataSourceConnectionSource;
import com.j256.ormlite.jdbc.JdbcConnectionSource;
import com.j256.ormlite.support.ConnectionSource;
import com.j256.ormlite.logger.Level;
import com.j256.ormlite.logger.Logger;
import com.j256.ormlite.misc.TransactionManager;
import com.j256.ormlite.stmt.PreparedQuery;
import com.j256.ormlite.stmt.SelectArg;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import keystone.bench.Contender;
import keystone.bench.Sqlite;
import keystone.bench.Store;

/**
 * ORMLite 6 over JDBC, as its docs show: DAOs from DaoManager, collections through create(...)
 * (batch tasks), prepared queries with SelectArg reused, transactions through TransactionManager.
 * On PostgreSQL its connections come from the suite's HikariCP pool, and its generated ids from
 * the sequence behind each identity column ({@code users_id_seq}), asked before each insert as
 * ORMLite's PostgreSQL support does.
 */
public final class OrmliteContender implements Contender {
  private ConnectionSource source;
  private Dao<OUser, Long> users;
  private Dao<OOrder, Long> orders;
  private Dao<OOrderItem, Long> items;
  private SelectArg emailArg;
  private PreparedQuery<OUser> byEmail;
  private SelectArg userArg;
  private PreparedQuery<OOrder> ordersOf;
  private SelectArg orderArg;
  private PreparedQuery<OOrderItem> itemsOf;

  @Override
  public void open(Store store) {
    try {
      Logger.setGlobalLogLevel(Level.WARNING);
      source = store.postgres()
          ? new DataSourceConnectionSource(store.dataSource(), store.url())
          : new JdbcConnectionSource(store.url());
      users = DaoManager.createDao(source, OUser.class);
      orders = DaoManager.createDao(source, OOrder.class);
      items = DaoManager.createDao(source, OOrderItem.class);
      emailArg = new SelectArg();
      byEmail = users.queryBuilder().where().eq("email", emailArg).prepare();
      userArg = new SelectArg();
      ordersOf = orders.queryBuilder().where().eq("user_id", userArg).prepare();
      orderArg = new SelectArg();
      itemsOf = items.queryBuilder().where().eq("order_id", orderArg).prepare();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void insertUsersBulk(int n, int seed) {
    List<OUser> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(new OUser(Sqlite.name(i), Sqlite.email(seed, i), Sqlite.age(i)));
    }
    try {
      users.create(list);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void insertUsersOneByOne(int n, int seed) {
    try {
      for (int i = 0; i < n; i++) {
        users.create(new OUser(Sqlite.name(i), Sqlite.email(seed, i), Sqlite.age(i)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long loadById(long[] ids) {
    long h = 0;
    try {
      for (long id : ids) {
        OUser u = users.queryForId(id);
        h = Sqlite.touch(h, u.id, u.name, u.email, u.age);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return h;
  }

  @Override
  public long loadAll() {
    long h = 0;
    try {
      for (OUser u : users.queryForAll()) {
        h = Sqlite.touch(h, u.id, u.name, u.email, u.age);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return h;
  }

  @Override
  public void updateAll() {
    try {
      TransactionManager.callInTransaction(
          source,
          () -> {
            for (OUser u : users.queryForAll()) {
              u.age++;
              users.update(u);
            }
            return null;
          });
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int deleteAll() {
    try {
      return users.deleteBuilder().delete();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long queryByEmail(String[] emails) {
    long h = 0;
    try {
      for (String email : emails) {
        emailArg.setValue(email);
        OUser u = users.queryForFirst(byEmail);
        h = Sqlite.touch(h, u.id, u.name, u.email, u.age);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return h;
  }

  @Override
  public void writeGraph(int userCount, int ordersPerUser, int itemsPerOrder, int seed) {
    try {
      TransactionManager.callInTransaction(
          source,
          () -> {
            for (int u = 0; u < userCount; u++) {
              OUser user = new OUser(Sqlite.name(u), Sqlite.email(seed, u), Sqlite.age(u));
              users.create(user);
              for (int o = 0; o < ordersPerUser; o++) {
                OOrder order = new OOrder();
                order.user = user;
                order.status = "pending";
                order.totalCents = o * 100L;
                orders.create(order);
                List<OOrderItem> list = new ArrayList<>(itemsPerOrder);
                for (int i = 0; i < itemsPerOrder; i++) {
                  OOrderItem item = new OOrderItem();
                  item.order = order;
                  item.sku = "SKU-" + i;
                  item.quantity = 1 + i;
                  item.priceCents = 250L * i;
                  list.add(item);
                }
                items.create(list);
              }
            }
            return null;
          });
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long readGraph(long[] userIds) {
    long h = 0;
    try {
      for (long id : userIds) {
        OUser u = users.queryForId(id);
        h = Sqlite.touch(h, u.id, u.name, u.email, u.age);
        userArg.setValue(id);
        for (OOrder o : orders.query(ordersOf)) {
          h = Sqlite.touch(h, o.id, "", o.status, o.user.id + o.totalCents);
          orderArg.setValue(o.id);
          for (OOrderItem i : items.query(itemsOf)) {
            h = Sqlite.touch(h, i.id, "", i.sku, i.order.id + i.quantity + i.priceCents);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return h;
  }

  @Override
  public void close() {
    try {
      if (source != null) {
        source.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
