package keystone.bench.jmh;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import keystone.bench.Contender;
import keystone.bench.Contenders;
import keystone.bench.Sqlite;
import keystone.bench.Store;
import keystone.bench.jdbc.JdbcContender;

/**
 * One contender on its own fresh store (a SQLite file, or a PostgreSQL schema), plus a hand-JDBC
 * connection ("admin") on the same store that resets and seeds data between measurements,
 * outside the timed region.
 */
final class Fixture {
  static final int ROWS = 10_000;
  static final int ONE_BY_ONE = 1_000;
  static final int GRAPH_USERS = 100;
  static final int ORDERS_PER_USER = 10;
  static final int ITEMS_PER_ORDER = 10;

  final Contender contender;
  final JdbcContender admin;
  final Store store;
  int seed;

  Fixture(String name, String tag, String engine) {
    store = Contenders.fresh(name, tag, engine);
    contender = Contenders.create(name);
    contender.open(store);
    admin = new JdbcContender();
    admin.open(store);
  }

  void close() {
    contender.close();
    admin.close();
    store.close();
  }

  void clearUsers() {
    admin.exec("DELETE FROM users");
  }

  /** {@code n} users through the admin connection; returns their ids in order. */
  long[] seedUsers(int n) {
    long first = admin.exec("DELETE FROM users");
    first = 0;
    admin.insertUsersBulk(n, ++seed);
    long[] ids = new long[n];
    try (var rs = admin.connection().createStatement().executeQuery("SELECT id FROM users ORDER BY id")) {
      int i = 0;
      while (rs.next() && i < n) {
        ids[i++] = rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  /** ORDERS_PER_USER orders with ITEMS_PER_ORDER items each for every user in {@code userIds}. */
  void seedGraph(long[] userIds) {
    admin.insertOrders(userIds, ORDERS_PER_USER, ITEMS_PER_ORDER);
  }

  /** One order of user {@code userId} with {@code children} items; returns the order's id. */
  long seedOrder(long userId, int children) {
    try {
      var c = admin.connection();
      c.setAutoCommit(false);
      long orderId;
      try (PreparedStatement order = c.prepareStatement(
              "INSERT INTO orders (user_id, status, total_cents) VALUES (?, 'pending', 0) RETURNING id");
          PreparedStatement item = c.prepareStatement(
              "INSERT INTO order_items (order_id, sku, quantity, price_cents) VALUES (?, ?, 1, 1)")) {
        order.setLong(1, userId);
        try (var rs = order.executeQuery()) {
          rs.next();
          orderId = rs.getLong(1);
        }
        for (int i = 0; i < children; i++) {
          item.setLong(1, orderId);
          item.setString(2, "SKU-" + i);
          item.addBatch();
        }
        item.executeBatch();
      }
      c.commit();
      c.setAutoCommit(true);
      return orderId;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long insertReturning(String sql) {
    try (var rs = admin.connection().createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String[] emailsOf(int seed, int[] indexes) {
    String[] emails = new String[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      emails[i] = Sqlite.email(seed, indexes[i]);
    }
    return emails;
  }
}
