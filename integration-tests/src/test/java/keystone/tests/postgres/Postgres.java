package keystone.tests.postgres;

import javax.sql.DataSource;
import keystone.testing.TestPostgres;

/**
 * The database a PostgreSQL test works on: a fresh one on keystone-testing's embedded server,
 * which the tests run through {@code TestEngine} share.
 */
public final class Postgres {
  private static String url;

  private Postgres() {}

  /** Moves the tests that follow to a new, empty database. */
  public static void freshDatabase() {
    url = TestPostgres.freshDatabase();
  }

  public static String url() {
    return url;
  }

  /** A DataSource on the current database, for SQL outside Keystone. */
  public static DataSource dataSource() {
    return TestPostgres.dataSource(url);
  }
}
