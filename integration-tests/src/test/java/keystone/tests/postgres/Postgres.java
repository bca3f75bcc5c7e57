package keystone.tests.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;

/** One real PostgreSQL for the test JVM, started by the build on loopback, no root, no Docker. */
final class Postgres {
  private static EmbeddedPostgres server;
  private static int users;

  private Postgres() {}

  static synchronized void start() throws Exception {
    if (users++ == 0) {
      server = EmbeddedPostgres.builder().start();
    }
  }

  static synchronized void stop() throws Exception {
    if (--users == 0) {
      server.close();
      server = null;
    }
  }

  static String url() {
    return server.getJdbcUrl("postgres", "postgres");
  }

  /** A clean public schema, so every test creates the database anew. */
  static void resetSchema() throws Exception {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA public CASCADE");
      st.execute("CREATE SCHEMA public");
    }
  }
}
