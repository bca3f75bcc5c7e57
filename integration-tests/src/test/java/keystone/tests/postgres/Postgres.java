package keystone.tests.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One real PostgreSQL for the test JVM, started by the build on loopback, no root, no Docker. */
public final class Postgres {
  private static EmbeddedPostgres server;
  private static int users;

  private Postgres() {}

  /** {@code @ExtendWith(Postgres.Server.class)}: the server is up for the whole test class. */
  public static final class Server implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
      start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
      stop();
    }
  }

  public static synchronized void start() throws Exception {
    if (users++ == 0) {
      server = EmbeddedPostgres.builder().start();
    }
  }

  public static synchronized void stop() throws Exception {
    if (--users == 0) {
      server.close();
      server = null;
    }
  }

  public static DataSource dataSource() {
    return server.getPostgresDatabase();
  }

  public static String url() {
    return server.getJdbcUrl("postgres", "postgres");
  }

  /** A clean public schema, so every test creates the database anew. */
  public static void resetSchema() throws Exception {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA public CASCADE");
      st.execute("CREATE SCHEMA public");
    }
  }
}
