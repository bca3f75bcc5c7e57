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
import keystone.engine.spi.ForeignKeyInfo;
import keystone.engine.spi.Schema;

/**
 * A PostgreSQL schema that Keystone did not make (no {@code keystone_schema} table) but that
 * holds the compiled tables, as one {@code keystone import} read: adopted when its tables have
 * the compiled structure (the comparison a migration's end uses: columns with type, NOT NULL,
 * default and key position, foreign keys with columns, parent and actions, indexes), refused
 * with every difference otherwise. A SERIAL key is the same as Keystone's identity key
 * ({@link PgCatalog}).
 *
 * <p>Deferral is compared too: a key compiled {@code deferred} must be DEFERRABLE INITIALLY
 * DEFERRED. Every other Keystone key is DEFERRABLE INITIALLY IMMEDIATE, so that {@code
 * deferForeignKeys()} can defer it; a NOT DEFERRABLE key of the schema is altered to that,
 * which changes nothing for any statement until a transaction defers it
 * (https://www.postgresql.org/docs/14/sql-altertable.html, ALTER CONSTRAINT).
 */
final class PgAdoption {
  private final Schema schema;
  private final PgMigrationChecks checks;

  PgAdoption(Schema schema, PgMigrationChecks checks) {
    this.schema = schema;
    this.checks = checks;
  }

  /** Adopts the schema on {@code c} (inside the opening transaction), or throws. */
  void adopt(Connection c, PgSession session, String versionTable) throws SQLException {
    List<String> problems = new ArrayList<>(checks.differences());
    Map<String, boolean[]> deferral = deferral(c);
    List<ForeignKeyInfo> toDefer = new ArrayList<>();
    for (ForeignKeyInfo key : schema.foreignKeys()) {
      boolean[] found = deferral.get(key.name().toLowerCase(Locale.ROOT));
      if (found == null) {
        continue; // A missing key is among the differences already.
      }
      if (key.deferred() != found[1]) {
        problems.add("foreign key " + key.name() + " is " + (found[1] ? "" : "not ")
            + "INITIALLY DEFERRED, compiled " + (key.deferred() ? "" : "not ")
            + "deferred (@ForeignKey(deferred))");
      } else if (!found[0]) {
        toDefer.add(key);
      }
    }
    if (!problems.isEmpty()) {
      throw new KeystoneException("The PostgreSQL schema has the tables of this database but no"
          + " Keystone schema version (" + versionTable + "), and they do not have the compiled"
          + " structure (version " + schema.version() + "), so it is left untouched: "
          + String.join("; ", problems));
    }
    for (ForeignKeyInfo key : toDefer) {
      session.exec("ALTER TABLE " + PgSql.quote(key.childTable()) + " ALTER CONSTRAINT "
          + PgSql.quote(key.name()) + " DEFERRABLE INITIALLY IMMEDIATE");
    }
    session.exec("CREATE TABLE " + versionTable + " (version INTEGER NOT NULL)");
    session.exec("INSERT INTO " + versionTable + " VALUES (" + schema.version() + ")");
  }

  /** Foreign key name -> {DEFERRABLE, INITIALLY DEFERRED}. */
  private static Map<String, boolean[]> deferral(Connection c) throws SQLException {
    Map<String, boolean[]> keys = new HashMap<>();
    try (PreparedStatement st = c.prepareStatement(
            "SELECT lower(conname), condeferrable, condeferred FROM pg_constraint"
                + " WHERE contype = 'f' AND connamespace = current_schema()::regnamespace");
        ResultSet rows = st.executeQuery()) {
      while (rows.next()) {
        keys.put(rows.getString(1), new boolean[] {rows.getBoolean(2), rows.getBoolean(3)});
      }
    }
    return keys;
  }
}
