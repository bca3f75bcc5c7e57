package keystone.bench.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import keystone.bench.Contender;
import keystone.bench.Sqlite;
import keystone.bench.Store;

/**
 * Hand-written JDBC: one connection, every statement prepared once and reused, writes batched.
 * The floor any Java layer on the driver can reach. On PostgreSQL the connection is borrowed
 * from the same HikariCP pool settings as Keystone's, for the whole trial, and pgjdbc
 * batches {@code executeBatch} into one round trip.
 */
public final class JdbcContender implements Contender.Keys {
  private Store store;
  private Connection c;
  private PreparedStatement insertUser;
  private PreparedStatement insertUserWithId;
  private PreparedStatement insertUserReturning;
  private PreparedStatement userById;
  private PreparedStatement allUsers;
  private PreparedStatement updateUser;
  private PreparedStatement userByEmail;
  private PreparedStatement insertOrderReturning;
  private PreparedStatement insertOrder;
  private PreparedStatement insertItem;
  private PreparedStatement insertLoose;
  private PreparedStatement ordersOf;
  private PreparedStatement itemsOf;

  @Override
  public void open(Store store) {
    try {
      this.store = store;
      c = store.connect();
      insertUser = c.prepareStatement("INSERT INTO users (name, email, age) VALUES (?, ?, ?)");
      insertUserWithId =
          c.prepareStatement("INSERT INTO users (id, name, email, age) VALUES (?, ?, ?, ?)");
      insertUserReturning =
          c.prepareStatement("INSERT INTO users (name, email, age) VALUES (?, ?, ?) RETURNING id");
      userById = c.prepareStatement("SELECT id, name, email, age FROM users WHERE id = ?");
      allUsers = c.prepareStatement("SELECT id, name, email, age FROM users");
      updateUser = c.prepareStatement("UPDATE users SET name = ?, email = ?, age = ? WHERE id = ?");
      userByEmail = c.prepareStatement("SELECT id, name, email, age FROM users WHERE email = ?");
      insertOrderReturning = c.prepareStatement(
          "INSERT INTO orders (user_id, status, total_cents) VALUES (?, ?, ?) RETURNING id");
      insertOrder =
          c.prepareStatement("INSERT INTO orders (user_id, status, total_cents) VALUES (?, ?, ?)");
      insertItem = c.prepareStatement(
          "INSERT INTO order_items (order_id, sku, quantity, price_cents) VALUES (?, ?, ?, ?)");
      insertLoose = c.prepareStatement(
          "INSERT INTO loose_items (order_id, sku, quantity, price_cents) VALUES (?, ?, ?, ?)");
      ordersOf = c.prepareStatement(
          "SELECT id, user_id, status, total_cents FROM orders WHERE user_id = ?");
      itemsOf = c.prepareStatement(
          "SELECT id, order_id, sku, quantity, price_cents FROM order_items WHERE order_id = ?");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The connection, for seeding other contenders' files between measurements. */
  public Connection connection() {
    return c;
  }

  private void begin() throws SQLException {
    c.setAutoCommit(false);
  }

  private void commit() throws SQLException {
    c.commit();
    c.setAutoCommit(true);
  }

  @Override
  public void insertUsersBulk(int n, int seed) {
    try {
      begin();
      for (int i = 0; i < n; i++) {
        insertUser.setString(1, Sqlite.name(i));
        insertUser.setString(2, Sqlite.email(seed, i));
        insertUser.setInt(3, Sqlite.age(i));
        insertUser.addBatch();
      }
      insertUser.executeBatch();
      commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void insertUsersOneByOne(int n, int seed) {
    try {
      for (int i = 0; i < n; i++) {
        insertUser.setString(1, Sqlite.name(i));
        insertUser.setString(2, Sqlite.email(seed, i));
        insertUser.setInt(3, Sqlite.age(i));
        insertUser.executeUpdate();
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
        userById.setLong(1, id);
        try (ResultSet rs = userById.executeQuery()) {
          if (rs.next()) {
            h = Sqlite.touch(h, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return h;
  }

  @Override
  public long loadAll() {
    long h = 0;
    try (ResultSet rs = allUsers.executeQuery()) {
      while (rs.next()) {
        h = Sqlite.touch(h, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return h;
  }

  @Override
  public void updateAll() {
    try {
      begin();
      try (ResultSet rs = allUsers.executeQuery()) {
        while (rs.next()) {
          updateUser.setString(1, rs.getString(2));
          updateUser.setString(2, rs.getString(3));
          updateUser.setInt(3, rs.getInt(4) + 1);
          updateUser.setLong(4, rs.getLong(1));
          updateUser.addBatch();
        }
      }
      updateUser.executeBatch();
      commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int deleteAll() {
    return exec("DELETE FROM users");
  }

  /** Runs one statement in autocommit. */
  public int exec(String sql) {
    try (Statement st = c.createStatement()) {
      return st.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long queryByEmail(String[] emails) {
    long h = 0;
    try {
      for (String email : emails) {
        userByEmail.setString(1, email);
        try (ResultSet rs = userByEmail.executeQuery()) {
          if (rs.next()) {
            h = Sqlite.touch(h, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return h;
  }

  private static long returning(PreparedStatement st) throws SQLException {
    try (ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** An order (its id from RETURNING) and its items in one batch; returns the order's id. */
  private long insertOrderWithItems(long userId, String status, long total, int items)
      throws SQLException {
    insertOrderReturning.setLong(1, userId);
    insertOrderReturning.setString(2, status);
    insertOrderReturning.setLong(3, total);
    long orderId = returning(insertOrderReturning);
    for (int i = 0; i < items; i++) {
      insertItem.setLong(1, orderId);
      insertItem.setString(2, "SKU-" + i);
      insertItem.setInt(3, 1 + i);
      insertItem.setLong(4, 250L * i);
      insertItem.addBatch();
    }
    insertItem.executeBatch();
    return orderId;
  }

  /** For seeding: orders with their items for every user in {@code userIds}, one transaction. */
  public void insertOrders(long[] userIds, int ordersPerUser, int itemsPerOrder) {
    try {
      begin();
      for (long userId : userIds) {
        for (int o = 0; o < ordersPerUser; o++) {
          insertOrderWithItems(userId, "pending", o * 100L, itemsPerOrder);
        }
      }
      commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void writeGraph(int users, int ordersPerUser, int itemsPerOrder, int seed) {
    try {
      begin();
      for (int u = 0; u < users; u++) {
        insertUserReturning.setString(1, Sqlite.name(u));
        insertUserReturning.setString(2, Sqlite.email(seed, u));
        insertUserReturning.setInt(3, Sqlite.age(u));
        long userId = returning(insertUserReturning);
        for (int o = 0; o < ordersPerUser; o++) {
          insertOrderWithItems(userId, "pending", o * 100L, itemsPerOrder);
        }
      }
      commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long readGraph(long[] userIds) {
    long h = 0;
    try {
      long[] orderIds = new long[64];
      for (long id : userIds) {
        userById.setLong(1, id);
        try (ResultSet rs = userById.executeQuery()) {
          rs.next();
          h = Sqlite.touch(h, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4));
        }
        int orders = 0;
        ordersOf.setLong(1, id);
        try (ResultSet rs = ordersOf.executeQuery()) {
          while (rs.next()) {
            long orderId = rs.getLong(1);
            h = Sqlite.touch(h, orderId, "", rs.getString(3), rs.getLong(2) + rs.getLong(4));
            if (orders == orderIds.length) {
              orderIds = java.util.Arrays.copyOf(orderIds, orders * 2);
            }
            orderIds[orders++] = orderId;
          }
        }
        for (int o = 0; o < orders; o++) {
          itemsOf.setLong(1, orderIds[o]);
          try (ResultSet rs = itemsOf.executeQuery()) {
            while (rs.next()) {
              h = Sqlite.touch(h, rs.getLong(1), "", rs.getString(3),
                  rs.getLong(2) + rs.getInt(4) + rs.getLong(5));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return h;
  }

  @Override
  public void insertItems(long[] orderIds, int n, boolean keyed) {
    PreparedStatement st = keyed ? insertItem : insertLoose;
    try {
      begin();
      for (int i = 0; i < n; i++) {
        st.setLong(1, orderIds[i % orderIds.length]);
        st.setString(2, "SKU-" + i);
        st.setInt(3, 1 + i % 5);
        st.setLong(4, 250L * i);
        st.addBatch();
      }
      st.executeBatch();
      commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void deleteOrder(long orderId, boolean cascade) {
    try {
      begin();
      try (Statement st = c.createStatement()) {
        if (!cascade) {
          st.executeUpdate("DELETE FROM order_items WHERE order_id = " + orderId);
        }
        st.executeUpdate("DELETE FROM orders WHERE id = " + orderId);
      }
      commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int deleteCategory(long id) {
    return exec("DELETE FROM categories WHERE id = " + id);
  }

  @Override
  public Exception deleteBlockedProduct(long productId) {
    try (PreparedStatement st = c.prepareStatement("DELETE FROM products WHERE id = ?")) {
      st.setLong(1, productId);
      st.executeUpdate();
      return null;
    } catch (SQLException e) {
      return e;
    }
  }

  @Override
  public void importDeferred(int users, int ordersPerUser) {
    try {
      begin();
      exec(store.deferForeignKeys());
      long firstUser = 1;
      try (ResultSet rs = c.createStatement().executeQuery("SELECT COALESCE(MAX(id), 0) FROM users")) {
        rs.next();
        firstUser = rs.getLong(1) + 1;
      }
      for (int u = 0; u < users; u++) {
        for (int o = 0; o < ordersPerUser; o++) {
          insertOrder.setLong(1, firstUser + u);
          insertOrder.setString(2, "imported");
          insertOrder.setLong(3, o);
          insertOrder.addBatch();
        }
      }
      insertOrder.executeBatch();
      // The ids the orders already hold: PostgreSQL's identity would not hand out MAX(id) + 1.
      for (int u = 0; u < users; u++) {
        insertUserWithId.setLong(1, firstUser + u);
        insertUserWithId.setString(2, Sqlite.name(u));
        insertUserWithId.setString(3, Sqlite.email(-1, u));
        insertUserWithId.setInt(4, Sqlite.age(u));
        insertUserWithId.addBatch();
      }
      insertUserWithId.executeBatch();
      commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** As an application would write it: up to 5 attempts, 10 ms backoff doubling, as Retry's. */
  @Override
  public long placeOrder(long userId, boolean retrying) {
    for (int attempt = 1; ; attempt++) {
      try {
        begin();
        userById.setLong(1, userId);
        long age;
        try (ResultSet rs = userById.executeQuery()) {
          rs.next();
          age = rs.getInt(4);
        }
        long orderId = insertOrderWithItems(userId, "placed", age * 100L, 3);
        commit();
        return orderId;
      } catch (SQLException e) {
        rollback();
        if (!retrying || attempt == 5 || !isTransient(e)) {
          throw new IllegalStateException(e);
        }
      }
      try {
        Thread.sleep(10L << (attempt - 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Serialization failure or deadlock (PostgreSQL), or SQLITE_BUSY. */
  private static boolean isTransient(SQLException e) {
    return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState())
        || (e.getErrorCode() & 0xff) == 5 && e.getClass().getName().startsWith("org.sqlite");
  }

  private void rollback() {
    try {
      c.rollback();
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // The error that ended the transaction is the one reported.
    }
  }

  @Override
  public void close() {
    try {
      if (c != null) {
        c.close();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
