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
import keystone.engine.ForeignKeyViolation;
import keystone.engine.KeystoneException;
import keystone.engine.Migration;
import keystone.engine.MigrationException;
import keystone.engine.spi.ForeignKeyInfo;
import keystone.engine.spi.Schema;
import keystone.engine.spi.TableInfo;

/**
 * Creates the compiled schema in an empty PostgreSQL schema, keeps its version in a one-row
 * table {@code keystone_schema} (PostgreSQL has no user_version), runs Java migrations for an
 * older one, and refuses a database whose tables or keys differ from the compiled ones.
 */
final class PgSchemaInstaller {
  private static final String VERSION_TABLE = "keystone_schema";

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
    int version;
    PgScope scope = engine.begin(true);
    try {
      Connection c = scope.session().connection;
      // One opener at a time creates the schema: a transaction-scoped advisory lock.
      scope.session().exec("SELECT pg_advisory_xact_lock(7072697)");
      version = version(c);
      if (version == 0) {
        create(scope.session());
        version = schema.version();
      } else if (version > schema.version()) {
        throw new KeystoneException(
            "The PostgreSQL database is at schema version " + version + ", newer than this"
                + " build's version " + schema.version() + "; it is left untouched");
      }
      scope.succeed();
    } finally {
      scope.end();
    }
    // Each migration is its own transaction (a schema migration two), outside the one above.
    if (version < schema.version()) {
      migrate(version, migrations);
    }
    verify();
  }

  private int version(Connection c) {
    try (PreparedStatement st = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      st.setString(1, VERSION_TABLE);
      try (ResultSet rows = st.executeQuery()) {
        rows.next();
        if (!rows.getBoolean(1)) {
          requireEmpty(c);
          return 0;
        }
      }
      try (PreparedStatement read = c.prepareStatement("SELECT version FROM " + VERSION_TABLE);
          ResultSet rows = read.executeQuery()) {
        return rows.next() ? rows.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw new KeystoneException("Reading the schema version failed: " + e.getMessage(), e);
    }
  }

  private void requireEmpty(Connection c) throws SQLException {
    for (TableInfo table : schema.tables()) {
      try (PreparedStatement st = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
        st.setString(1, PgSql.quote(table.name()));
        try (ResultSet rows = st.executeQuery()) {
          rows.next();
          if (rows.getBoolean(1)) {
            throw new KeystoneException(
                "Table " + table.name() + " exists but the database has no Keystone schema version"
                    + " (" + VERSION_TABLE + "); Keystone will not write into a schema it did not"
                    + " make");
          }
        }
      }
    }
  }

  private void create(PgSession session) {
    for (String ddl : schema.postgresStatements()) {
      session.exec(ddl);
    }
    session.exec("CREATE TABLE " + VERSION_TABLE + " (version INTEGER NOT NULL)");
    session.exec("INSERT INTO " + VERSION_TABLE + " VALUES (" + schema.version() + ")");
  }

  /** Java migrations, each a transaction with every key deferred, checked before it commits. */
  private void migrate(int from, List<Migration> migrations) {
    int at = from;
    while (at < schema.version()) {
      Migration next = null;
      for (Migration m : migrations) {
        if (m.from() == at && m.to() <= schema.version() && (next == null || m.to() > next.to())) {
          next = m;
        }
      }
      if (next == null) {
        throw new KeystoneException(
            "The PostgreSQL database is at schema version " + at + " and no migration leads"
                + " on to " + schema.version() + "; it is left untouched");
      }
      Migration migration = next;
      if (migration.body() == null) {
        new PgSchemaMigration(engine, migration, VERSION_TABLE).run();
        at = migration.to();
        continue;
      }
      try {
        engine.runInTransaction(
            () -> {
              engine.deferForeignKeys();
              migration.body().migrate(engine);
              List<ForeignKeyViolation> found = engine.checkForeignKeys();
              if (!found.isEmpty()) {
                throw new MigrationException(
                    migration + " failed and was rolled back: it leaves " + found.size()
                        + " foreign-key violation(s), first: " + found.get(0),
                    migration.from(), migration.to(), found, null);
              }
              engine.execute("UPDATE " + VERSION_TABLE + " SET version = ?", migration.to());
            });
      } catch (MigrationException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new MigrationException(
            migration + " failed and was rolled back: " + e.getMessage(), migration.from(),
            migration.to(), List.of(), e);
      }
      at = migration.to();
    }
  }

  /** Every compiled table, column and key must be there, keys with their actions. */
  private void verify() {
    PgScope scope = engine.begin(false);
    try {
      Connection c = scope.session().connection;
      List<String> problems = new ArrayList<>();
      Map<String, List<String>> columns = columns(c);
      for (TableInfo table : schema.tables()) {
        List<String> have = columns.get(table.name().toLowerCase(Locale.ROOT));
        if (have == null) {
          problems.add("table " + table.name() + " is missing");
        } else if (!have.equals(lower(table.columns()))) {
          problems.add("table " + table.name() + " has columns " + have + ", compiled "
              + lower(table.columns()));
        }
      }
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
      throw new KeystoneException("Reading the PostgreSQL schema failed: " + e.getMessage(), e);
    } finally {
      scope.end();
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
        keys.put(rows.getString(1), action(rows.getString(2)) + "/" + action(rows.getString(3)));
      }
    }
    return keys;
  }

  /** pg_constraint's one-letter actions (https://www.postgresql.org/docs/current/catalog-pg-constraint.html). */
  private static String action(String code) {
    return switch (code) {
      case "r" -> "RESTRICT";
      case "c" -> "CASCADE";
      case "n" -> "SET NULL";
      case "d" -> "SET DEFAULT";
      default -> "NO ACTION";
    };
  }
}
