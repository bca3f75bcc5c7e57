package keystone.processor;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keystone.ForeignKey.Action;

/**
 * What a PostgreSQL schema holds, read back from its catalogs
 * (https://www.postgresql.org/docs/14/catalog-pg-constraint.html) so that tests compare the
 * constraints PostgreSQL made, not the text Keystone wrote.
 */
final class PgCatalog {
  /** A constraint of {@code pg_constraint} with its column names in key order. */
  record Constraint(String name, String type, String table, List<String> columns,
      String parentTable, List<String> parentColumns, Action onDelete, Action onUpdate,
      boolean deferrable, boolean deferred) {}

  /** A row of {@code information_schema.columns}. */
  record Column(String type, boolean nullable, String defaultValue, boolean identity,
      String identityGeneration) {}

  private static final String CONSTRAINTS = """
      SELECT c.conname, c.contype, t.relname, p.relname, c.confdeltype, c.confupdtype,
             c.condeferrable, c.condeferred,
             ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n
                   ORDER BY k.i),
             ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n
                   ORDER BY k.i)
      FROM pg_constraint c
      JOIN pg_class t ON t.oid = c.conrelid
      LEFT JOIN pg_class p ON p.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = current_schema()
      ORDER BY t.relname, c.conname""";

  private final Connection connection;

  PgCatalog(Connection connection) {
    this.connection = connection;
  }

  /** A new empty schema, first on the search path: each test runs its DDL in its own. */
  static void useFreshSchema(Connection connection, String schema) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
      s.execute("SET search_path TO " + schema);
    }
  }

  static void run(Connection connection, List<String> statements) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String sql : statements) {
        try {
          s.execute(sql);
        } catch (SQLException e) {
          throw new SQLException(e.getMessage() + "\nin:\n" + sql, e);
        }
      }
    }
  }

  /** Constraints of the current schema by name; contype f, p, u or c. */
  Map<String, Constraint> constraints(String type) throws SQLException {
    Map<String, Constraint> out = new LinkedHashMap<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(CONSTRAINTS)) {
      while (rs.next()) {
        if (rs.getString(2).equals(type)) {
          out.put(rs.getString(1), new Constraint(rs.getString(1), rs.getString(2),
              rs.getString(3), names(rs.getArray(9)), rs.getString(4), names(rs.getArray(10)),
              action(rs.getString(5)), action(rs.getString(6)), rs.getBoolean(7),
              rs.getBoolean(8)));
        }
      }
    }
    return out;
  }

  /** Columns of one table by name, in their order. */
  Map<String, Column> columns(String table) throws SQLException {
    Map<String, Column> out = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement("""
        SELECT column_name, data_type, is_nullable, column_default, is_identity,
               identity_generation
        FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ?
        ORDER BY ordinal_position""")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), new Column(rs.getString(2), rs.getString(3).equals("YES"),
              rs.getString(4), rs.getString(5).equals("YES"), rs.getString(6)));
        }
      }
    }
    return out;
  }

  /** Index name -> its definition, as {@code pg_indexes} prints it. */
  Map<String, String> indexes() throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes"
            + " WHERE schemaname = current_schema()")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  private static List<String> names(Array array) throws SQLException {
    return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
  }

  /** confdeltype / confupdtype codes; a blank one (not a foreign key) is null. */
  private static Action action(String code) {
    return switch (code == null ? " " : code) {
      case "a" -> Action.NO_ACTION;
      case "r" -> Action.RESTRICT;
      case "c" -> Action.CASCADE;
      case "n" -> Action.SET_NULL;
      case "d" -> Action.SET_DEFAULT;
      default -> null;
    };
  }
}
