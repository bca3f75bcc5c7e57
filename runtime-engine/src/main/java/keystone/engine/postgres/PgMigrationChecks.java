package keystone.engine.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.KeystoneException;
import keystone.engine.Migration;
import keystone.engine.MigrationException;
import keystone.engine.schema.SchemaDiff;
import keystone.engine.schema.TableShape;
import keystone.engine.spi.ForeignKeyInfo;
import keystone.engine.spi.Schema;
import keystone.engine.spi.TableInfo;

/**
 * What a migration must pass before it may commit on PostgreSQL, as on SQLite: no foreign key
 * violated (every key the database has at that version, NOT VALID ones included, listed in full
 * where PostgreSQL would name the first), no table emptied behind the migration's back, and
 * after the last one, the compiled schema exactly. Runs inside the migration's transaction.
 */
final class PgMigrationChecks {
  private final PostgresEngine engine;
  private final Schema schema;
  private final String versionTable;

  PgMigrationChecks(PostgresEngine engine, Schema schema, String versionTable) {
    this.engine = engine;
    this.schema = schema;
    this.versionTable = versionTable;
  }

  /** The keys, the row counts and, for the last migration, the schema; then the new version. */
  void finish(Migration migration, Map<String, Long> before, Set<String> named, boolean last) {
    keys(migration);
    rowLoss(migration, before, named);
    if (last) {
      schema(migration);
    }
    engine.execute("UPDATE " + versionTable + " SET version = ?", migration.to());
  }

  void keys(Migration migration) {
    List<ForeignKeyViolation> orphans = read(c -> PgForeignKeyCheck.check(c,
        typed(PgCatalog.current(c).foreignKeys())));
    if (!orphans.isEmpty()) {
      throw failed(migration, orphans.size() + " foreign-key violation(s) at its end, first: "
          + orphans.get(0), orphans, null);
    }
  }

  /**
   * The catalog's keys with the column types of the compiled schema's key of the same name and
   * columns, so their violations print as the Java values would; any other key prints as stored.
   */
  private List<ForeignKeyInfo> typed(List<ForeignKeyInfo> keys) {
    List<ForeignKeyInfo> typed = new ArrayList<>();
    for (ForeignKeyInfo key : keys) {
      ForeignKeyInfo same = null;
      for (ForeignKeyInfo compiled : schema.foreignKeys()) {
        if (compiled.name().equalsIgnoreCase(key.name())
            && compiled.childTable().equalsIgnoreCase(key.childTable())
            && lower(compiled.childColumns()).equals(lower(key.childColumns()))) {
          same = compiled;
        }
      }
      typed.add(same == null ? key : key.withKeyTypes(same.keyTypes()));
    }
    return typed;
  }

  private static List<String> lower(List<String> names) {
    return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
  }

  /** Rows per table of the current schema, by lower-case name. */
  Map<String, Long> rowCounts() {
    return read(c -> {
      List<String> tables = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement("SELECT relname FROM pg_class"
              + " WHERE relkind IN ('r', 'p') AND relnamespace = current_schema()::regnamespace");
          ResultSet rows = st.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String table : tables) {
        try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM "
                + PgSql.quote(table));
            ResultSet rows = st.executeQuery()) {
          rows.next();
          counts.put(table.toLowerCase(Locale.ROOT), rows.getLong(1));
        }
      }
      return counts;
    });
  }

  private void rowLoss(Migration migration, Map<String, Long> before, Set<String> named) {
    Map<String, Long> after = rowCounts();
    before.forEach((table, had) -> {
      Long now = after.get(table);
      boolean declared = named.contains(table)
          || migration.rowLossAllowed().stream().anyMatch(t -> t.equalsIgnoreCase(table));
      if (now != null && now < had && !declared) {
        throw failed(migration, "table " + table + " lost " + (had - now) + " of its " + had
            + " rows although the migration neither deletes from it nor declares it; the likely"
            + " cause is a DELETE of a parent whose ON DELETE CASCADE reached it (use"
            + " .allowRowLoss(\"" + table + "\") if the loss is meant)", List.of(), null);
      }
    });
  }

  /**
   * The compiled schema's shape is read from its DDL run in this session's temporary schema
   * inside a savepoint that is then rolled back: PostgreSQL itself says what the compiled DDL
   * makes, types and defaults as it spells them, with no privilege beyond TEMP.
   */
  private void schema(Migration migration) {
    List<String> differences = differences();
    if (!differences.isEmpty()) {
      throw failed(migration, "after it the schema does not match the compiled version "
          + schema.version() + ": " + String.join("; ", differences), List.of(), null);
    }
  }

  /**
   * How the current schema's tables and compiled views differ from the compiled ones; empty when
   * they match. A view is compared by its SELECT as PostgreSQL prints both (the compiled one as
   * created in the temporary schema, where the tables it reads print unqualified, as the
   * schema's own do), so a view whose text PostgreSQL normalised is the same view; its columns
   * are compared on every open ({@link PgSchemaInstaller}).
   */
  List<String> differences() {
    Map<String, TableShape> compiled;
    Map<String, String> compiledViews;
    PgScope scratch = engine.begin(true);
    try {
      scratch.session().exec("SET LOCAL search_path = pg_temp");
      schema.postgresStatements().forEach(scratch.session()::exec);
      PgCatalog temporary = new PgCatalog(scratch.session().connection(), "pg_my_temp_schema()");
      compiled = temporary.tables();
      compiledViews = temporary.views();
    } catch (SQLException e) {
      throw PgFaults.failed("Reading the compiled schema failed", e);
    } finally {
      scratch.end();
    }
    List<String> differences = new ArrayList<>(
        SchemaDiff.differences(compiled, read(c -> PgCatalog.current(c).tables())));
    Map<String, String> views = read(c -> PgCatalog.current(c).views());
    for (TableInfo view : schema.views()) {
      String name = view.name().toLowerCase(Locale.ROOT);
      String found = views.get(name);
      if (found == null) {
        differences.add("view " + view.name() + " is missing");
      } else if (!found.equals(compiledViews.get(name))) {
        differences.add("view " + view.name() + " is " + found + ", compiled "
            + compiledViews.get(name));
      }
    }
    return differences;
  }

  MigrationException failed(
      Migration migration, String why, List<ForeignKeyViolation> violations, Throwable cause) {
    return new MigrationException(
        migration + " failed and was rolled back, the database stays at version "
            + migration.from() + ": " + why, migration.from(), migration.to(), violations, cause);
  }

  private interface CatalogRead<T> {
    T read(Connection c) throws SQLException;
  }

  private <T> T read(CatalogRead<T> body) {
    PgScope scope = engine.begin(false);
    try {
      T result = body.read(scope.session().connection());
      scope.succeed();
      return result;
    } catch (SQLException e) {
      throw PgFaults.failed("Reading the PostgreSQL catalogs failed", e);
    } finally {
      scope.end();
    }
  }
}
