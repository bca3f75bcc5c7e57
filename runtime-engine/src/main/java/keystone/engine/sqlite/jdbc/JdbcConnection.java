package keystone.engine.sqlite.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import keystone.engine.sqlite.driver.DriverConnection;
import keystone.engine.sqlite.driver.DriverStatement;
import org.sqlite.Collation;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.DB;

/**
 * A sqlite-jdbc connection on which the dialect runs every BEGIN, COMMIT and ROLLBACK itself, as
 * SQL: sqlite-jdbc's own transactions would open a new one right after every commit.
 *
 * <p>sqlite-jdbc's auto-commit flag is cleared without its JDBC call, which would run a BEGIN:
 * SQLite itself stays in its autocommit mode between the dialect's transactions. With the flag
 * set, sqlite-jdbc steps a {@code begin;} after every statement that finishes, and a
 * {@code commit;} when that begin succeeds, to end any transaction a statement left open; inside
 * the dialect's transactions that begin fails every time. The flag is read nowhere else on the
 * paths the dialect uses (no JDBC commit, rollback or savepoint calls).
 */
final class JdbcConnection implements DriverConnection {
  private final Connection connection;
  private final DB database;
  private PreparedStatement lastRowid;

  JdbcConnection(Connection connection) {
    this.connection = connection;
    this.database = ((SQLiteConnection) connection).getDatabase();
    ((SQLiteConnection) connection).getConnectionConfig().setAutoCommit(false);
  }

  @Override
  public DriverStatement prepare(String sql) {
    try {
      return new JdbcStatement(connection.prepareStatement(sql));
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public void exec(String sql) {
    try (java.sql.Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public long changes() {
    try {
      return database.changes();
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public long lastInsertRowid() {
    try {
      if (lastRowid == null) {
        lastRowid = connection.prepareStatement("SELECT last_insert_rowid()");
      }
      try (ResultSet rs = lastRowid.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public boolean createCollation(String name, Comparator<String> order) {
    try {
      registerCollation(connection, name, order);
      return true;
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  /** Adds {@code order} as collation {@code name} to any sqlite-jdbc connection. */
  static void registerCollation(Connection connection, String name, Comparator<String> order)
      throws SQLException {
    Collation.create(connection, name, new Collation() {
      @Override
      protected int xCompare(String a, String b) {
        return order.compare(a, b);
      }
    });
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }
}
