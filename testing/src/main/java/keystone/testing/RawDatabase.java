package keystone.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import keystone.engine.KeystoneException;
import keystone.engine.guard.SqlGuard;

/**
 * A plain connection to a file at an earlier schema version, for filling it with rows before a
 * migration runs. Foreign keys are enforced as everywhere in Keystone: the connection switches
 * them on and checks that they are, and SQL that would switch them off is refused by the engine's
 * own guard. Several statements given at once run in one transaction with every key deferred to
 * its end, so rows can come in any order.
 */
public final class RawDatabase implements AutoCloseable {
  private final Path file;
  private final Connection connection;

  RawDatabase(Path file) {
    this.file = file;
    Properties properties = new Properties();
    properties.setProperty("foreign_keys", "true");
    try {
      this.connection = DriverManager.getConnection("jdbc:sqlite:" + file, properties);
      keystone.engine.sqlite.jdbc.KeystoneCollations.register(connection);
      if (!Long.valueOf(1).equals(single("PRAGMA foreign_keys"))) {
        connection.close();
        throw new KeystoneException("This SQLite build does not enforce foreign keys");
      }
    } catch (SQLException e) {
      throw new KeystoneException("Cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  /** A plain connection to an existing file, under the same rules. */
  public static RawDatabase open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new KeystoneException("No file " + file);
    }
    return new RawDatabase(file);
  }

  /** The file, for copying or for opening with Keystone. */
  public Path path() {
    return file;
  }

  /**
   * Runs SQL and returns the rows it changed. With arguments it is one statement with {@code ?}
   * parameters; without, it may be several, run in one transaction with keys deferred.
   */
  public int execute(String sql, Object... args) {
    List<String> statements = new ArrayList<>();
    SqlGuard.check(sql).forEach(s -> statements.add(s.sql()));
    try {
      if (args.length > 0 || statements.size() == 1) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
          bind(st, args);
          return st.executeUpdate();
        }
      }
      return executeAll(statements);
    } catch (SQLException e) {
      throw new KeystoneException(e.getMessage() + " in: " + sql, e);
    }
  }

  private int executeAll(List<String> statements) throws SQLException {
    int changed = 0;
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      st.execute("PRAGMA defer_foreign_keys = ON");
      for (String s : statements) {
        changed += st.executeUpdate(s);
      }
      connection.commit();
      return changed;
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** Raw rows: each value a {@code Long}, {@code Double}, {@code String}, {@code byte[]}, null. */
  public List<Object[]> query(String sql, Object... args) {
    SqlGuard.check(sql);
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      bind(st, args);
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[n];
          for (int i = 0; i < n; i++) {
            Object v = rs.getObject(i + 1);
            row[i] = v instanceof Integer small ? Long.valueOf(small) : v;
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new KeystoneException(e.getMessage() + " in: " + sql, e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new KeystoneException("Cannot close " + file + ": " + e.getMessage(), e);
    }
  }

  private Object single(String sql) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? Long.valueOf(rs.getLong(1)) : null;
    }
  }

  private static void bind(PreparedStatement st, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      st.setObject(i + 1, args[i]);
    }
  }
}
