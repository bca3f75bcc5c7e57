package keystone.engine.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.engine.KeystoneException;
import keystone.engine.schema.SchemaDiff;
import keystone.engine.sqlite.schema.SchemaShapes;
import keystone.engine.spi.Schema;

/**
 * Takes over a file that Room 2.x made ({@code room_master_table} present) in one checked step,
 * inside one write transaction, before any migration runs:
 *
 * <ol>
 *   <li>Room's index names ({@code index_<table>_<columns>}) become Keystone's
 *       ({@code idx_<table>_<columns>}): each such index is dropped and created again under the
 *       new name from its own DDL, so columns, order and uniqueness stay exactly Room's;
 *   <li>at the compiled version, the indexes Keystone adds that Room lacked (a foreign key's
 *       child index Room only warned about) are created, and the file must then match the
 *       compiled schema structurally; otherwise everything rolls back and the open fails;
 *   <li>{@code room_master_table} is dropped: it holds Room's identity hash of a schema that
 *       no longer describes the file, and Keystone keeps the version where Room kept it too,
 *       in {@code PRAGMA user_version} (https://www.sqlite.org/pragma.html#pragma_user_version).
 * </ol>
 *
 * <p>Rows, {@code user_version} and every table's foreign keys are not touched. A file older
 * than the compiled version goes on to its migrations after this step, with Keystone's names.
 */
final class RoomAdoption {
  static final String ROOM_MASTER_TABLE = "room_master_table";
  private static final Pattern CREATE_INDEX = Pattern.compile(
      "(?is)^(\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?)"
          + "(`[^`]+`|\"(?:[^\"]|\"\")+\"|\\[[^]]+]|\\S+)(\\s+ON\\s.*)$");

  private RoomAdoption() {}

  static boolean isRoomFile(SqliteConnection connection) {
    return ((Long) connection.queryValue(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
        ROOM_MASTER_TABLE)) > 0;
  }

  /** Adopts the file when Room made it; a file of Keystone's own is left as it is. */
  static void adoptIfRoom(SqliteConnection connection, Schema schema, long version, String where) {
    // A plain read first, so that opening a Keystone file never waits for the write lock.
    if (!isRoomFile(connection)) {
      return;
    }
    connection.exec("BEGIN IMMEDIATE");
    try {
      if (!isRoomFile(connection)) {   // another process adopted it meanwhile
        connection.exec("COMMIT");
        return;
      }
      renameIndexes(connection, compiledIndexNames(schema), where);
      if (version == schema.version()) {
        createMissingIndexes(connection, schema);
        List<String> problems = SchemaDiff.differences(
            SchemaShapes.compiled(schema, connection), SchemaShapes.read(connection));
        if (!problems.isEmpty()) {
          throw new KeystoneException(where + " was made by Room but does not hold the compiled"
              + " schema (version " + version + "), so it is left untouched: "
              + String.join("; ", problems));
        }
      }
      connection.execUncached("DROP TABLE " + ROOM_MASTER_TABLE);
      connection.exec("COMMIT");
    } catch (RuntimeException e) {
      Scope.execQuietly(connection, "ROLLBACK");
      throw e;
    }
  }

  /** Keystone's name for an index Room named, or null when Room did not name it. */
  static String keystoneName(String roomName) {
    return roomName.startsWith("index_") ? "idx_" + roomName.substring("index_".length()) : null;
  }

  private static void renameIndexes(
      SqliteConnection connection, List<String> keep, String where) {
    List<String[]> indexes = new ArrayList<>();
    for (String name : connection.queryStrings(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")) {
      // An index the compiled schema itself names index_... keeps its name.
      if (keystoneName(name) != null && !keep.contains(name.toLowerCase(Locale.ROOT))) {
        indexes.add(new String[] {name, (String) connection.queryValue(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", name)});
      }
    }
    for (String[] index : indexes) {
      String renamed = keystoneName(index[0]);
      Matcher ddl = CREATE_INDEX.matcher(index[1]);
      if (!ddl.matches()) {
        throw new KeystoneException(where + ": cannot read Room's index " + index[0] + " ("
            + index[1] + "), so the file is left untouched");
      }
      connection.execUncached("DROP INDEX " + quote(index[0]));
      connection.execUncached(ddl.group(1) + quote(renamed) + ddl.group(3));
    }
  }

  private static List<String> compiledIndexNames(Schema schema) {
    List<String> names = new ArrayList<>();
    for (String statement : schema.statements()) {
      Matcher ddl = CREATE_INDEX.matcher(statement);
      if (ddl.matches()) {
        names.add(unquote(ddl.group(2)).toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  /** The compiled schema's CREATE INDEX statements whose index the file does not have. */
  private static void createMissingIndexes(SqliteConnection connection, Schema schema) {
    for (String statement : schema.statements()) {
      Matcher ddl = CREATE_INDEX.matcher(statement);
      if (!ddl.matches()) {
        continue;
      }
      String name = unquote(ddl.group(2));
      long present = (Long) connection.queryValue(
          "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND lower(name) = ?",
          name.toLowerCase(Locale.ROOT));
      if (present == 0) {
        connection.execUncached(statement);
      }
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String unquote(String identifier) {
    char first = identifier.charAt(0);
    if (first == '"' || first == '`' || first == '[') {
      return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
    }
    return identifier;
  }
}
