package keystone.engine.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keystone.engine.KeystoneException;
import keystone.engine.Migration;
import keystone.engine.spi.ForeignKeyInfo;
import keystone.engine.spi.Schema;
import keystone.engine.spi.TableInfo;

/**
 * Creates the compiled schema in an empty PostgreSQL schema, keeps its version in a one-row
 * table {@code keystone_schema} (PostgreSQL has no user_version), migrates an older one (see
 * {@link PgMigrator}), and refuses a database whose tables or keys differ from the compiled ones.
 */
final class PgSchemaInstaller {
  private static final String VERSION_TABLE = "keystone_schema";
  private static final long OPENING_LOCK = 7072698;

  private final PostgresEngine engine;
  private final Schema schema;

  PgSchemaInstaller(PostgresEngine engine, Schema schema) {
    this.engine = engine;
    this.schema = schema;
  }

  void install(List<Migration> migrations) {
    if (schema.postgresStatements().isEmpty()) {
      throw new KeystoneException(
          "This database was compiled without PostgreSQL DDL; rebuild it with a keystone-processor"
              + " that writes Schema.postgresStatements()");
    }
    // Application instances started together open one at a time, from reading the version to
    // the last migration's commit: the others then find it migrated instead of migrating again.
    // The outer call keeps this thread on one connection, which holds the session-level lock.
    PgScope opening = engine.begin(false);
    try {
      opening.session().exec("SELECT pg_advisory_lock(" + OPENING_LOCK + ")");
      try {
        createOrMigrate(migrations);
      } finally {
        opening.session().exec("SELECT pg_advisory_unlock(" + OPENING_LOCK + ")");
      }
      opening.succeed();
    } finally {
      opening.end();
    }
  }

  private void createOrMigrate(List<Migration> migrations) {
    int version;
    PgScope scope = engine.begin(true);
    try {
      Connection c = scope.session().connection();
      version = version(c);
      if (version == 0 && holdsCompiledTables(c)) {
        new PgAdoption(schema, new PgMigrationChecks(engine, schema, VERSION_TABLE))
            .adopt(c, scope.session(), VERSION_TABLE);
        version = schema.version();
      } else if (version == 0) {
        create(scope.session());
        version = schema.version();
      } else if (version > schema.version()) {
        throw new KeystoneException(
            "The PostgreSQL database is at schema version " + version + ", newer than this"
                + " build's version " + schema.version() + "; it is left untouched");
      }
      scope.succeed();
    } catch (SQLException e) {
      throw PgFaults.failed("Reading the PostgreSQL schema failed", e);
    } finally {
      scope.end();
    }
    // Each migration is its own transaction (a schema migration two), outside the one above.
    if (version < schema.version()) {
      new PgMigrator(engine, schema, VERSION_TABLE).run(version, migrations);
    }
    verify();
  }

  private int version(Connection c) {
    try (PreparedStatement st = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      st.setString(1, VERSION_TABLE);
      try (ResultSet rows = st.executeQuery()) {
        rows.next();
        if (!rows.getBoolean(1)) {
          return 0;
        }
      }
      try (PreparedStatement read = c.prepareStatement("SELECT version FROM " + VERSION_TABLE);
          ResultSet rows = read.executeQuery()) {
        return rows.next() ? rows.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw PgFaults.failed("Reading the schema version failed", e);
    }
  }

  /**
   * Whether a schema without Keystone's version table already has a table of the compiled
   * schema: then it was made elsewhere, and is adopted only if it matches ({@link PgAdoption}).
   */
  private boolean holdsCompiledTables(Connection c) throws SQLException {
    for (TableInfo table : schema.tables()) {
      try (PreparedStatement st = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
        st.setString(1, PgSql.quote(table.name()));
        try (ResultSet rows = st.executeQuery()) {
          rows.next();
          if (rows.getBoolean(1)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void create(PgSession session) {
    for (String ddl : schema.postgresStatements()) {
      session.exec(ddl);
    }
    session.exec("CREATE TABLE " + VERSION_TABLE + " (version INTEGER NOT NULL)");
    session.exec("INSERT INTO " + VERSION_TABLE + " VALUES (" + schema.version() + ")");
  }

  /**
   * Every compiled table, column and key must be there, keys with their actions, and every view
   * with its columns.
   */
  private void verify() {
    PgScope scope = engine.begin(false);
    try {
      Connection c = scope.session().connection();
      List<String> problems = new ArrayList<>();
      Map<String, List<String>> columns = columns(c);
      schema.tables().forEach(t -> compareColumns("table", t, columns, problems));
      // information_schema.columns lists a view's columns too; a view over a table that went
      // away cannot exist here, since PostgreSQL refuses to drop what a view depends on.
      schema.views().forEach(v -> compareColumns("view", v, columns, problems));
      Map<String, String> keys = keys(c);
      for (ForeignKeyInfo key : schema.foreignKeys()) {
        String expected = key.onDelete().sql() + "/" + key.onUpdate().sql();
        String found = keys.get(key.name().toLowerCase(Locale.ROOT));
        if (!expected.equals(found)) {
          problems.add("foreign key " + key.name() + " is " + (found == null ? "missing" : found)
              + ", compiled " + expected);
        }
      }
      if (!problems.isEmpty()) {
        throw new KeystoneException(
            "The PostgreSQL database does not match the compiled schema (version "
                + schema.version() + "), so it is left untouched: " + String.join("; ", problems));
      }
      scope.succeed();
    } catch (SQLException e) {
      throw PgFaults.failed("Reading the PostgreSQL schema failed", e);
    } finally {
      scope.end();
    }
  }

  private static void compareColumns(
      String kind, TableInfo table, Map<String, List<String>> columns, List<String> problems) {
    List<String> have = columns.get(table.name().toLowerCase(Locale.ROOT));
    if (have == null) {
      problems.add(kind + " " + table.name() + " is missing");
    } else if (!have.equals(lower(table.columns()))) {
      problems.add(kind + " " + table.name() + " has columns " + have + ", compiled "
          + lower(table.columns()));
    }
  }

  private static List<String> lower(List<String> names) {
    List<String> lower = new ArrayList<>();
    for (String name : names) {
      lower.add(name.toLowerCase(Locale.ROOT));
    }
    return lower;
  }

  private static Map<String, List<String>> columns(Connection c) throws SQLException {
    Map<String, List<String>> columns = new HashMap<>();
    try (PreparedStatement st =
            c.prepareStatement(
                "SELECT lower(table_name), lower(column_name) FROM information_schema.columns"
                    + " WHERE table_schema = current_schema() ORDER BY table_name,"
                    + " ordinal_position");
        ResultSet rows = st.executeQuery()) {
      while (rows.next()) {
        columns.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(rows.getString(2));
      }
    }
    return columns;
  }

  /** Constraint name -> "ON DELETE action/ON UPDATE action" as Keystone spells them. */
  private static Map<String, String> keys(Connection c) throws SQLException {
    Map<String, String> keys = new HashMap<>();
    try (PreparedStatement st =
            c.prepareStatement(
                "SELECT lower(conname), confdeltype, confupdtype FROM pg_constraint"
                    + " WHERE contype = 'f' AND connamespace = current_schema()::regnamespace");
        ResultSet rows = st.executeQuery()) {
      while (rows.next()) {
        keys.put(rows.getString(1), PgCatalog.action(rows.getString(2)).sql() + "/"
            + PgCatalog.action(rows.getString(3)).sql());
      }
    }
    return keys;
  }
}
