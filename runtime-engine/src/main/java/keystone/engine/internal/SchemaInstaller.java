package keystone.engine.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import keystone.engine.KeystoneException;
import keystone.engine.sqlite.JdbcStatement;
import keystone.engine.sqlite.SqliteConnection;
import keystone.engine.spi.Schema;
import keystone.engine.spi.TableInfo;

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
    if (config.verifyOnOpen()) {
      verify(connection, schema, where);
    }
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

  /** Every compiled table and column must exist; the structural comparison grows with migrations. */
  private static void verify(SqliteConnection connection, Schema schema, String where) {
    List<String> problems = new ArrayList<>();
    for (TableInfo table : schema.tables()) {
      Set<String> columns = columns(connection, table.name());
      if (columns.isEmpty()) {
        problems.add("table " + table.name() + " is missing");
        continue;
      }
      for (String column : table.columns()) {
        if (!columns.contains(column.toLowerCase(Locale.ROOT))) {
          problems.add("column " + table.name() + "." + column + " is missing");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new KeystoneException(
          where + " does not match the compiled schema: " + String.join("; ", problems));
    }
  }

  private static Set<String> columns(SqliteConnection connection, String table) {
    Set<String> columns = new HashSet<>();
    JdbcStatement st = connection.prepare("SELECT name FROM pragma_table_info(?)");
    try {
      st.bindText(1, table);
      while (st.step()) {
        columns.add(st.columnText(0).toLowerCase(Locale.ROOT));
      }
    } finally {
      st.reset();
    }
    return columns;
  }
}
