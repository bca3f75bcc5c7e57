package keystone.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import keystone.engine.postgres.PgPool;

/**
 * Where a contender's tables live: a SQLite file, or a PostgreSQL database on loopback. On
 * PostgreSQL every contender that takes a DataSource borrows from one HikariCP pool with the
 * settings Keystone gives its own ({@link PgPool}, 4 readers + 1 by default), so the pool is no
 * difference between them.
 */
public final class Store implements AutoCloseable {
  /** Keystone's default pool on PostgreSQL: readers(4) + 1 connections, acquireTimeout 30 s. */
  static final int POOL_SIZE = 5;
  static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(30);

  private final Path file;
  private final String postgresUrl;
  private HikariDataSource pool;

  private Store(Path file, String postgresUrl) {
    this.file = file;
    this.postgresUrl = postgresUrl;
  }

  public static Store sqlite(Path file) {
    return new Store(file, null);
  }

  public static Store postgres(String jdbcUrl) {
    return new Store(null, jdbcUrl);
  }

  public boolean postgres() {
    return postgresUrl != null;
  }

  /** The SQLite file; null on PostgreSQL. */
  public Path file() {
    return file;
  }

  /** The JDBC URL: the file with Keystone's pragmas ({@link Sqlite#url}), or the database. */
  public String url() {
    return postgres() ? postgresUrl : Sqlite.url(file);
  }

  /** A new connection on SQLite; a pooled one on PostgreSQL. */
  public Connection connect() throws SQLException {
    return postgres() ? dataSource().getConnection() : DriverManager.getConnection(url());
  }

  /** The shared pool (PostgreSQL only), opened on first use. */
  public synchronized DataSource dataSource() {
    if (!postgres()) {
      throw new IllegalStateException("SQLite files are opened by URL, not from a pool");
    }
    if (pool == null) {
      pool = PgPool.open(postgresUrl, POOL_SIZE, ACQUIRE_TIMEOUT);
    }
    return pool;
  }

  /** What defers every foreign key to the commit, in this engine's SQL. */
  public String deferForeignKeys() {
    return postgres() ? "SET CONSTRAINTS ALL DEFERRED" : "PRAGMA defer_foreign_keys = ON";
  }

  @Override
  public synchronized void close() {
    if (pool != null) {
      pool.close();
      pool = null;
    }
  }
}
