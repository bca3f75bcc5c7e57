package keystone.processor.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * An in-memory SQLite holding the compiled schema, so that queries are checked by SQLite itself
 * at compile time. Foreign keys are on, which makes SQLite report "foreign key mismatch" when a
 * DML statement touches a broken key.
 */
public final class SchemaDatabase implements AutoCloseable {
  private final Connection connection;

  private SchemaDatabase(Connection connection) {
    this.connection = connection;
  }

  public static SchemaDatabase open() throws SQLException {
    // Straight to the driver: DriverManager does not see drivers of a processor class loader.
    Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite::memory:", new Properties());
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA foreign_keys = ON");
    }
    return new SchemaDatabase(c);
  }

  /** Runs one DDL statement; returns SQLite's message when it fails, else null. */
  public String execute(String ddl) {
    try (Statement st = connection.createStatement()) {
      st.execute(ddl);
      return null;
    } catch (SQLException e) {
      return cleanMessage(e);
    }
  }

  /** What preparing {@code sql} tells: SQLite's error, or the result column names. */
  public record Prepared(String error, List<String> columns) {}

  public Prepared prepare(String sql) {
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      return new Prepared(null, columns(st));
    } catch (SQLException e) {
      return new Prepared(cleanMessage(e), List.of());
    }
  }

  /** sqlite-jdbc reports one phantom column for DML; asking its name fails, so none it is. */
  private static List<String> columns(PreparedStatement st) {
    List<String> columns = new ArrayList<>();
    try {
      ResultSetMetaData meta = st.getMetaData();
      int count = meta == null ? 0 : meta.getColumnCount();
      for (int i = 1; i <= count; i++) {
        columns.add(meta.getColumnName(i));
      }
      return columns;
    } catch (SQLException e) {
      return List.of();
    }
  }

  private static String cleanMessage(SQLException e) {
    String m = String.valueOf(e.getMessage());
    // sqlite-jdbc prefixes "[SQLITE_ERROR] SQL error or missing database (...)".
    int open = m.indexOf('(');
    if (m.startsWith("[SQLITE_") && open > 0 && m.endsWith(")")) {
      return m.substring(open + 1, m.length() - 1);
    }
    return m;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // In memory: nothing to lose.
    }
  }
}
