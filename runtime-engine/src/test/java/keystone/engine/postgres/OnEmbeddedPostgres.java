package keystone.engine.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A PostgreSQL server for one test class, started by the build on loopback, whose public schema a
 * test empties before it opens its database: the engine tests that run on a server of their own.
 */
abstract class OnEmbeddedPostgres {
  static EmbeddedPostgres server;

  @BeforeAll
  static void startServer() throws Exception {
    server = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  /** Drops everything of the last test; returns the database's JDBC URL. */
  static String emptyDatabase() throws SQLException {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA public CASCADE");
      st.execute("CREATE SCHEMA public");
    }
    return url();
  }

  static String url() {
    return server.getJdbcUrl("postgres", "postgres");
  }
}
