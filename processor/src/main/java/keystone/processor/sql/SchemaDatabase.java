package keystone.processor.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

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
    // Decimal columns are declared with the collation the engine registers; statements are
    // only prepared here, so its order matters little, but numbers compare as numbers anyway.
    org.sqlite.Collation.create(c, "decimal", new org.sqlite.Collation() {
      @Override
      protected int xCompare(String a, String b) {
        try {
          return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b));
        } catch (NumberFormatException e) {
          return a.compareTo(b);
        }
      }
    });
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

  /**
   * What preparing {@code sql} tells: SQLite's error, or the result column names and, for each,
   * the table it comes from straight (null for an expression), which resolves a multimap's
   * columns when two tables have a column of one name.
   */
  public record Prepared(String error, List<String> columns, List<String> tables) {
    public Prepared(String error, List<String> columns) {
      this(error, columns, java.util.Collections.nCopies(columns.size(), null));
    }
  }

  public Prepared prepare(String sql) {
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      List<String> columns = columns(st);
      return new Prepared(null, columns, tables(st, columns.size()));
    } catch (SQLException e) {
      return new Prepared(cleanMessage(e), List.of());
    }
  }

  /**
   * Each column's table of origin, as {@code sqlite3_column_table_name} gives it
   * (https://www.sqlite.org/c3ref/column_database_name.html): null for an expression.
   */
  private static List<String> tables(PreparedStatement st, int count) {
    List<String> tables = new ArrayList<>();
    try {
      ResultSetMetaData meta = st.getMetaData();
      for (int i = 1; i <= count; i++) {
        String table = meta.getTableName(i);
        tables.add(table == null || table.isEmpty() ? null : table);
      }
      return tables;
    } catch (SQLException e) {
      return java.util.Collections.nCopies(count, null);
    }
  }

  /**
   * The tables {@code sql} opens, as SQLite's own plan says: each {@code OpenRead} (or
   * {@code OpenWrite} when {@code write}) names a b-tree by its root page, which
   * {@code sqlite_schema} maps to its table, index b-trees included
   * (https://www.sqlite.org/opcode.html). Null when the plan cannot be read. Cascades run as
   * trigger sub-programs that {@code EXPLAIN} does not list; {@link TableReach} adds them.
   */
  public Set<String> tablesOpened(String sql, boolean write) {
    Map<Long, String> roots = new HashMap<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT rootpage, tbl_name FROM sqlite_schema WHERE rootpage > 0")) {
      while (rs.next()) {
        roots.put(rs.getLong(1), rs.getString(2));
      }
    } catch (SQLException e) {
      return null;
    }
    Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    try (PreparedStatement st = connection.prepareStatement("EXPLAIN " + sql)) {
      for (int i = 1; i <= st.getParameterMetaData().getParameterCount(); i++) {
        st.setNull(i, java.sql.Types.NULL);
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String op = rs.getString("opcode");
          boolean opens = write ? op.equals("OpenWrite")
              : op.equals("OpenRead") || op.equals("ReopenIdx") || op.equals("OpenWrite");
          // p3 is the database: 0 is main; temp tables are not the schema's.
          if (opens && rs.getLong("p3") == 0) {
            String table = roots.get(rs.getLong("p2"));
            if (table == null) {
              return null;
            }
            out.add(table);
          }
        }
      }
      return out;
    } catch (SQLException e) {
      return null;
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
