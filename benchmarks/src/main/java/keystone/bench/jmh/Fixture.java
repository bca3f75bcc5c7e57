package keystone.bench.jmh;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import keystone.bench.Contender;
import keystone.bench.Contenders;
import keystone.bench.Sqlite;
import keystone.bench.jdbc.JdbcContender;

/**
 * One contender on its own fresh file, plus a hand-JDBC connection ("admin") on the same file that
 * resets and seeds data between measurements, outside the timed region.
 */
final class Fixture {
  static final int ROWS = 10_000;
  static final int ONE_BY_ONE = 1_000;
  static final int GRAPH_USERS = 100;
  static final int ORDERS_PER_USER = 10;
  static final int ITEMS_PER_ORDER = 10;

  final Contender contender;
  final JdbcContender admin;
  final Path file;
  int seed;

  Fixture(String name, String tag) {
    file = Contenders.freshFile(name, tag);
    contender = Contenders.create(name);
    contender.open(file);
    admin = new JdbcContender();
    admin.open(file);
  }

  void close() {
    contender.close();
    admin.close();
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
    try {
      var c = admin.connection();
      c.setAutoCommit(false);
      try (PreparedStatement order = c.prepareStatement(
              "INSERT INTO orders (user_id, status, total_cents) VALUES (?, 'pending', ?) RETURNING id");
          PreparedStatement item = c.prepareStatement(
              "INSERT INTO order_items (order_id, sku, quantity, price_cents) VALUES (?, ?, ?, ?)")) {
        for (long userId : userIds) {
          for (int o = 0; o < ORDERS_PER_USER; o++) {
            order.setLong(1, userId);
            order.setLong(2, o * 100L);
            long orderId;
            try (var rs = order.executeQuery()) {
              rs.next();
              orderId = rs.getLong(1);
            }
            for (int i = 0; i < ITEMS_PER_ORDER; i++) {
              item.setLong(1, orderId);
              item.setString(2, "SKU-" + i);
              item.setInt(3, 1 + i);
              item.setLong(4, 250L * i);
              item.addBatch();
            }
            item.executeBatch();
          }
        }
      }
      c.commit();
      c.setAutoCommit(true);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
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
