package keystone.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import keystone.bench.keystone.BenchDatabase_Impl;

/** What every contender shares: the file, its pragmas, its DDL and the data. */
public final class Sqlite {
  private Sqlite() {}

  /**
   * The settings Keystone opens files with (WAL, synchronous NORMAL, foreign keys on), as
   * sqlite-jdbc reads them from the URL, for the contenders that open connections themselves.
   */
  public static String url(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath()
        + "?journal_mode=WAL&synchronous=NORMAL&foreign_keys=true&busy_timeout=5000";
  }

  /** Keystone's compiled DDL: every contender runs on exactly the same tables, keys and indexes. */
  public static List<String> ddl() {
    return BenchDatabase_Impl.SCHEMA.statements();
  }

  /** A new empty file in {@code dir}, with the schema unless {@code withSchema} is false. */
  public static Path freshFile(String name, boolean withSchema) {
    try {
      Path dir = Path.of(System.getProperty("bench.dir", "target/bench-db"));
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".db");
      for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
        Files.deleteIfExists(Path.of(file + suffix));
      }
      if (withSchema) {
        try (Connection c = DriverManager.getConnection(url(file));
            Statement st = c.createStatement()) {
          for (String sql : ddl()) {
            st.execute(sql);
          }
          st.execute("PRAGMA user_version = 1");
        }
      }
      return file;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String name(int i) {
    return "User " + i;
  }

  public static String email(int seed, int i) {
    return "u" + seed + "_" + i + "@example.com";
  }

  public static int age(int i) {
    return 18 + i % 70;
  }

  /** Folds a row's fields into a checksum, so no read can be optimized away. */
  public static long touch(long h, long id, String a, String b, long c) {
    return h * 31 + id + a.length() + b.length() + c;
  }
}
