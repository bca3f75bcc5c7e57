package keystone.engine.sqlite.driver;

import java.util.Comparator;

/**
 * One SQLite connection, used by one thread at a time. The dialect runs BEGIN, SAVEPOINT, COMMIT
 * and ROLLBACK as statements of its own: a driver must not open transactions on its own.
 */
public interface DriverConnection extends AutoCloseable {
  /**
   * Compiles one SQL statement (https://www.sqlite.org/c3ref/prepare.html).
   *
   * @throws DriverException with SQLite's code when the SQL does not compile
   */
  DriverStatement prepare(String sql);

  /** Runs one statement that returns no rows, without keeping it prepared. */
  default void exec(String sql) {
    try (DriverStatement statement = prepare(sql)) {
      while (statement.step()) {
        // A pragma may answer with a row nobody asked for.
      }
    }
  }

  /** Rows changed by the last INSERT, UPDATE or DELETE (https://www.sqlite.org/c3ref/changes.html). */
  long changes();

  /** The rowid of the last successful INSERT (https://www.sqlite.org/c3ref/last_insert_rowid.html). */
  long lastInsertRowid();

  /**
   * Adds a collation (https://www.sqlite.org/c3ref/create_collation.html) and returns true, or
   * returns false when this driver cannot: Android's SQLite has no public API for it.
   */
  boolean createCollation(String name, Comparator<String> order);

  /** Closes the connection and every statement it prepared. */
  @Override
  void close();
}
