package keystone.cli.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.sqlite.SQLiteConfig;

/**
 * The database a command reads, opened so that it cannot be changed: an SQLite file with
 * {@code mode=ro} (https://www.sqlite.org/uri.html#urimode), a {@code .sql} file of DDL run into
 * a private in-memory SQLite database, or a PostgreSQL URL in a READ ONLY transaction
 * (https://www.postgresql.org/docs/current/sql-set-transaction.html).
 */
public final class Source implements AutoCloseable {
  private final Connection connection;
  private final SourceSchema schema;
  private final String description;
  private static final String DDL_SUFFIX = " (DDL loaded into an in-memory SQLite database)";

  private Source(Connection connection, SourceSchema schema, String description) {
    this.connection = connection;
    this.schema = schema;
    this.description = description;
  }

  /** Opens {@code where}; {@code pgSchema} names the PostgreSQL schema (default "public"). */
  public static Source open(String where, String pgSchema) throws SQLException, IOException {
    if (where.startsWith("jdbc:postgresql:")) {
      return postgres(where, pgSchema == null ? "public" : pgSchema);
    }
    Path path = Path.of(where);
    if (!Files.isRegularFile(path)) {
      throw new IOException("no such file: " + where);
    }
    if (where.toLowerCase(Locale.ROOT).endsWith(".sql")) {
      return ddl(path);
    }
    return sqliteFile(path);
  }

  private static Source sqliteFile(Path path) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    Connection c = config.createConnection(
        "jdbc:sqlite:file:" + path.toAbsolutePath() + "?mode=ro");
    // Keystone's BigDecimal columns sort with it; checks that compare them need it too.
    keystone.engine.sqlite.jdbc.KeystoneCollations.register(c);
    return read(c, path.toString());
  }

  private static Source ddl(Path path) throws SQLException, IOException {
    String sql = Files.readString(path);
    Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
    keystone.engine.sqlite.jdbc.KeystoneCollations.register(c);
    try (Statement st = c.createStatement()) {
      // sqlite3_exec semantics: every statement of the script runs, in order.
      st.executeUpdate(sql);
    } catch (SQLException e) {
      c.close();
      throw new SQLException(path + " does not load into SQLite: " + e.getMessage(), e);
    }
    return read(c, path + DDL_SUFFIX);
  }

  /**
   * The connection whose rows are the database's own: a file's or a server's; null for a .sql
   * source, whose in-memory database holds at most what the script inserted.
   */
  public Connection data() {
    return description.endsWith(DDL_SUFFIX) ? null : connection;
  }

  private static Source read(Connection c, String description) throws SQLException {
    try {
      return new Source(c, new SqliteReader(c).read(), description);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private static Source postgres(String url, String pgSchema) throws SQLException {
    Connection c = DriverManager.getConnection(url);
    try {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try (Statement st = c.createStatement()) {
        st.execute("SET TRANSACTION READ ONLY");
        // The data queries name tables unqualified, as in the schema being read.
        st.execute("SET LOCAL search_path TO " + Sql.quote(pgSchema));
      }
      SourceSchema schema = new PostgresReader(c, pgSchema).read();
      if (schema.tables().isEmpty()) {
        throw new SQLException("schema \"" + pgSchema + "\" has no tables (use --schema)");
      }
      return new Source(c, schema, withoutPassword(url) + " schema " + pgSchema);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private static String withoutPassword(String url) {
    return url.replaceAll("(?i)password=[^&]*", "password=***");
  }

  public Connection connection() {
    return connection;
  }

  public SourceSchema schema() {
    return schema;
  }

  public String description() {
    return description;
  }

  @Override
  public void close() throws SQLException {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } finally {
      connection.close();
    }
  }
}
