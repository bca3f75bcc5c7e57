package keystone.engine.internal;

import java.util.List;
import keystone.engine.KeystoneException;
import keystone.engine.schema.SchemaDiff;
import keystone.engine.schema.SchemaShapes;
import keystone.engine.sqlite.SqliteConnection;
import keystone.engine.spi.Schema;

/**
 * Creates the compiled schema in a new file and refuses files it cannot vouch for. The version
 * lives in {@code PRAGMA user_version} (https://www.sqlite.org/pragma.html#pragma_user_version),
 * as Room keeps it.
 */
final class SchemaInstaller {
  private SchemaInstaller() {}

  static void install(SqliteConnection connection, Schema schema, EngineConfig config) {
    String where = config.path() == null ? "the in-memory database" : config.path().toString();
    // Decided inside the write lock, so two processes opening a new file create it once.
    connection.exec("BEGIN IMMEDIATE");
    try {
      long version = (Long) connection.queryValue("PRAGMA user_version");
      if (version == 0) {
        requireEmpty(connection, where);
        for (String statement : schema.statements()) {
          connection.execUncached(statement);
        }
        connection.execUncached("PRAGMA user_version = " + schema.version());
      } else if (version != schema.version()) {
        throw new KeystoneException(versionMismatch(where, version, schema.version()));
      }
      connection.exec("COMMIT");
    } catch (RuntimeException e) {
      Scope.rollbackQuietly(connection, "ROLLBACK");
      throw e;
    }
    verify(connection, schema, where);
  }

  private static void requireEmpty(SqliteConnection connection, String where) {
    long tables =
        (Long) connection.queryValue(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    if (tables > 0) {
      throw new KeystoneException(
          where + " already holds " + tables + " table(s) but no Keystone schema version"
              + " (PRAGMA user_version = 0); Keystone will not write into a schema it did not make");
    }
  }

  private static String versionMismatch(String where, long found, int compiled) {
    if (found > compiled) {
      return where + " is at schema version " + found + ", newer than this build's version "
          + compiled + "; it was written by a newer app and is left untouched";
    }
    return where + " is at schema version " + found + " but the database is compiled at version "
        + compiled + ", and no migration leads from " + found + " to " + compiled
        + "; the file is left untouched";
  }

  /**
   * The file's tables must have the compiled structure: columns (type, NOT NULL, default, key
   * position), foreign keys (columns, parent, actions) and indexes (name, columns, uniqueness).
   */
  private static void verify(SqliteConnection connection, Schema schema, String where) {
    List<String> problems =
        SchemaDiff.differences(SchemaShapes.compiled(schema), SchemaShapes.read(connection));
    if (!problems.isEmpty()) {
      throw new KeystoneException(
          where + " does not match the compiled schema (version " + schema.version()
              + "), so it is left untouched: " + String.join("; ", problems));
    }
  }
}
