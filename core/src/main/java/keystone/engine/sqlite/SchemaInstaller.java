package keystone.engine.sqlite;

import java.util.List;
import keystone.engine.KeystoneException;
import keystone.engine.schema.SchemaDiff;
import keystone.engine.sqlite.schema.SchemaShapes;
import keystone.engine.spi.Schema;

/**
 * Creates the compiled schema in a new file and refuses files it cannot vouch for. The version
 * lives in {@code PRAGMA user_version} (https://www.sqlite.org/pragma.html#pragma_user_version),
 * as Room keeps it.
 */
final class SchemaInstaller {
  private SchemaInstaller() {}

  /**
   * Creates the compiled schema in a new file (or adopts an unversioned file that already has
   * it) and returns the file's version. The decision is taken inside the write lock, so two
   * processes opening a new file create it once.
   */
  static long createOrReadVersion(SqliteConnection connection, Schema schema, String where) {
    connection.exec("BEGIN IMMEDIATE");
    try {
      long version = (Long) connection.queryValue("PRAGMA user_version");
      if (version == 0 && !adoptable(connection, schema, where)) {
        for (String statement : schema.statements()) {
          connection.execUncached(statement);
        }
      }
      if (version == 0) {
        connection.execUncached("PRAGMA user_version = " + schema.version());
        version = schema.version();
      }
      connection.exec("COMMIT");
      return version;
    } catch (RuntimeException e) {
      Scope.execQuietly(connection, "ROLLBACK");
      throw e;
    }
  }

  /**
   * A file written where the {@code decimal} collation exists (sqlite-jdbc) keeps its decimals as
   * plain numbers under it; on a SQLite without it (Android) those columns could neither be
   * sorted nor compared, and would mix with the order-preserving form written here, so such a
   * file is refused before anything reads or writes it.
   */
  static void refuseDecimalCollation(SqliteConnection connection, String where) {
    if (connection.hasDecimalCollation()) {
      return;
    }
    List<String> tables = connection.tablesWithDecimalCollation();
    if (!tables.isEmpty()) {
      throw new KeystoneException(where + " was written by Keystone on sqlite-jdbc: its table(s) "
          + String.join(", ", tables) + " keep BigDecimal or BigInteger columns as plain numbers"
          + " under COLLATE decimal, a collation this SQLite cannot register, so they could not"
          + " be sorted or compared here. Android stores such columns in an order-preserving text"
          + " form instead (docs/android.md): create the file with keystone-android, not on the"
          + " desktop, to ship it with createFrom.");
    }
  }

  static void refuseNewer(String where, long found, int compiled) {
    if (found > compiled) {
      throw new KeystoneException(
          where + " is at schema version " + found + ", newer than this build's version "
              + compiled + "; it was written by a newer app and is left untouched");
    }
  }

  /**
   * Whether a file without a version already holds the compiled schema: a database made
   * elsewhere (by hand, by numbered SQL migrations, the one {@code keystone import} read) whose
   * tables have exactly the compiled structure is taken as it is and only gets its version
   * recorded; an empty one gets the schema; anything else is refused untouched.
   */
  private static boolean adoptable(SqliteConnection connection, Schema schema, String where) {
    long tables =
        (Long) connection.queryValue(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    if (tables == 0) {
      return false;
    }
    List<String> problems =
        SchemaDiff.differences(SchemaShapes.compiled(schema, connection), SchemaShapes.read(connection));
    if (!problems.isEmpty()) {
      throw new KeystoneException(
          where + " already holds " + tables + " table(s) but no Keystone schema version"
              + " (PRAGMA user_version = 0), and they do not have the compiled structure;"
              + " Keystone will not write into a schema it did not make: "
              + String.join("; ", problems));
    }
    return true;
  }

  /**
   * The file's tables must have the compiled structure: columns (type, NOT NULL, default, key
   * position), foreign keys (columns, parent, actions) and indexes (name, columns, uniqueness),
   * and its views the compiled columns and SELECT.
   */
  static void verify(SqliteConnection connection, Schema schema, String where) {
    List<String> problems = SchemaShapes.differences(schema, connection);
    if (!problems.isEmpty()) {
      throw new KeystoneException(
          where + " does not match the compiled schema (version " + schema.version()
              + "), so it is left untouched: " + String.join("; ", problems));
    }
  }
}
