package roomport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a database file the way Room 2.x builds it, from the facts Room exports: every
 * {@code createSql} of its schema JSON (tables, then their indices) with Room's placeholders
 * filled in, its {@code setupQueries} ({@code room_master_table} and the identity hash), and
 * {@code PRAGMA user_version}. No Room here; what Room writes is in the JSON.
 */
final class RoomFiles {
  private static final Path SCHEMA_V1 = Path.of("room-schemas/roomport.NotesDatabase/1.json");
  private static final Pattern TABLE = Pattern.compile("\"tableName\": \"([^\"]+)\"");
  private static final Pattern CREATE_SQL = Pattern.compile("\"createSql\": \"([^\"]+)\"");
  private static final Pattern INDEX_NAME = Pattern.compile("\"name\": \"(index_[^\"]+)\"");
  private static final Pattern SETUP = Pattern.compile("\"setupQueries\": \\[(.*?)]",
      Pattern.DOTALL);
  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private RoomFiles() {}

  /** Room's DDL for version 1 in creation order, placeholders filled in. */
  static List<String> version1Ddl() throws IOException {
    String json = Files.readString(SCHEMA_V1, StandardCharsets.UTF_8);
    List<String> statements = new ArrayList<>();
    String[] entities = json.split("\"tableName\": ");
    for (int i = 1; i < entities.length; i++) {
      String entity = "\"tableName\": " + entities[i];
      Matcher table = TABLE.matcher(entity);
      table.find();
      Matcher sql = CREATE_SQL.matcher(entity);
      Matcher index = INDEX_NAME.matcher(entity);
      boolean first = true;
      while (sql.find()) {
        String ddl = sql.group(1).replace("${TABLE_NAME}", table.group(1));
        if (!first) {
          index.find();
          ddl = ddl.replace("${INDEX_NAME}", index.group(1));
        }
        statements.add(ddl);
        first = false;
      }
    }
    Matcher setup = SETUP.matcher(json);
    setup.find();
    Matcher query = QUOTED.matcher(setup.group(1));
    while (query.find()) {
      statements.add(query.group(1));
    }
    return statements;
  }

  /** Runs Room's DDL, then {@code extra} (rows, later changes), at {@code userVersion}. */
  static void create(Path file, int userVersion, List<String> extra)
      throws IOException, SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      // Room turns enforcement on for databases with foreign keys, so its rows obey them.
      st.execute("PRAGMA foreign_keys = ON");
      for (String ddl : version1Ddl()) {
        st.execute(ddl);
      }
      for (String sql : extra) {
        st.execute(sql);
      }
      st.execute("PRAGMA user_version = " + userVersion);
    }
  }

  /** The first column of every row, as text. */
  static List<String> strings(Path file, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rows = st.executeQuery(sql)) {
      while (rows.next()) {
        out.add(rows.getString(1));
      }
    }
    return out;
  }
}
