package keystone.engine.sqlite.diagnosis;

import keystone.engine.sqlite.driver.DriverException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolation.Kind;
import keystone.engine.core.WrittenTables;
import keystone.engine.sqlite.ConstraintErrors;
import keystone.engine.sqlite.SqliteStatement;
import keystone.engine.sqlite.SqliteConnection;
import keystone.engine.spi.ForeignKeyInfo;
import keystone.engine.spi.Schema;

/**
 * Finds which keys a failure broke. SQLite only says "FOREIGN KEY constraint failed"; this runs
 * after a failure, inside a savepoint that is always rolled back, so the success path pays nothing
 * and the database is left exactly as the failure left it.
 */
public final class ViolationFinder {
  private static final String SAVEPOINT = "ks_diagnose";

  private static final String TABLES_DDL =
      "SELECT sql FROM sqlite_master WHERE type = 'table' ORDER BY name";

  private final SqliteConnection connection;
  private final Schema schema;
  private ForeignKeyCatalog catalog;
  /** The tables' DDL {@link #catalog} was read from. */
  private String catalogDdl;

  public ViolationFinder(SqliteConnection connection, Schema schema) {
    this.connection = connection;
    this.schema = schema;
  }

  /** Every row {@code PRAGMA foreign_key_check} reports now, named and with its key values. */
  public List<PendingViolation> check() {
    return check(null);
  }

  /** The same for the keys of some child tables, or for every table when {@code tables} is null. */
  private List<PendingViolation> check(List<String> tables) {
    ForeignKeyCatalog catalog = catalog();
    List<PendingViolation> found = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    if (tables == null) {
      readCheck(connection.prepare("PRAGMA foreign_key_check"), rows);
    } else {
      for (String table : tables) {
        // The pragma, not the pragma_foreign_key_check(?) function, which finds nothing on SQLite
        // 3.32 (Android API 28 to 34) when given a table.
        readCheck(connection.prepare("PRAGMA foreign_key_check(" + Sql.quote(table) + ")"), rows);
      }
    }
    Map<ForeignKeyInfo, Integer> withoutRowid = new LinkedHashMap<>();
    for (Object[] row : rows) {
      ForeignKeyInfo key = catalog.lookup((String) row[0], (Long) row[2]);
      if (key == null) {
        continue;
      }
      if (row[1] == null) {
        withoutRowid.merge(key, 1, Integer::sum);
      } else {
        Long rowid = (Long) row[1];
        found.add(new PendingViolation(key, rowid, childKey(key, rowid)));
      }
    }
    withoutRowid.forEach((key, count) -> found.addAll(orphansWithoutRowid(key, count)));
    return found;
  }

  private static void readCheck(SqliteStatement st, List<Object[]> rows) {
    try {
      while (st.step()) {
        rows.add(new Object[] {st.columnText(0), st.columnValue(1), st.columnLong(3)});
      }
    } finally {
      st.reset();
    }
  }

  /**
   * A WITHOUT ROWID child has no rowid for {@code foreign_key_check} to report
   * (https://www.sqlite.org/withoutrowid.html), so its orphan rows are found by their key columns
   * and told apart by their primary key.
   */
  private List<PendingViolation> orphansWithoutRowid(ForeignKeyInfo key, int count) {
    List<String> primaryKey = ForeignKeyCatalog.primaryKey(connection, key.childTable());
    List<String> parentColumns = key.parentColumns();
    StringBuilder sql = new StringBuilder("SELECT ")
        .append(Sql.columnList(key.childColumns()));
    for (String column : primaryKey) {
      sql.append(", ").append(Sql.quote(column));
    }
    sql.append(" FROM ").append(Sql.quote(key.childTable())).append(" AS c WHERE 1");
    for (String column : key.childColumns()) {
      sql.append(" AND c.").append(Sql.quote(column)).append(" IS NOT NULL");
    }
    // A dropped parent table has no rows: every child row with a key is an orphan then.
    if (!parentColumns.isEmpty() && tableExists(key.parentTable())) {
      sql.append(" AND NOT EXISTS (SELECT 1 FROM ").append(Sql.quote(key.parentTable()))
          .append(" AS p");
      for (int i = 0; i < parentColumns.size(); i++) {
        sql.append(i == 0 ? " WHERE " : " AND ").append("p.")
            .append(Sql.quote(parentColumns.get(i)))
            .append(" = c.").append(Sql.quote(key.childColumns().get(i)));
      }
      sql.append(")");
    }
    sql.append(" LIMIT ").append(count);
    List<PendingViolation> found = new ArrayList<>();
    SqliteStatement st = connection.prepare(sql.toString());
    try {
      int width = key.childColumns().size();
      while (st.step()) {
        List<Object> values = new ArrayList<>();
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < width; i++) {
          values.add(st.columnValue(i));
        }
        for (int i = 0; i < primaryKey.size(); i++) {
          row.add(st.columnValue(width + i));
        }
        found.add(new PendingViolation(key, row, values));
      }
    } finally {
      st.reset();
    }
    return found;
  }

  /**
   * Names the keys {@code failed} broke: re-runs it with every key deferred and compares
   * {@code foreign_key_check} before and after. RESTRICT cannot be deferred, so a RESTRICT failure
   * is re-run with temporary triggers that report the blocked parent key instead.
   */
  public List<ForeignKeyViolation> diagnose(SqliteStatement failed, DriverException error) {
    List<ForeignKeyInfo> keys = catalog().all();
    ForeignKeyViolation named = null;
    if (isRestrict(error)) {
      // The RESTRICT guard (see RestrictTriggers) already named the key in its message.
      named = RestrictTriggers.parse(ConstraintErrors.sqliteMessage(error), keys);
      if (named != null && !named.key().isEmpty()) {
        return List.of(named);
      }
      ForeignKeyViolation direct = DirectRestrict.find(connection, keys, failed);
      if (direct != null) {
        return List.of(direct);
      }
    }
    connection.exec("SAVEPOINT " + SAVEPOINT);
    try {
      if (!isRestrict(error)) {
        List<PendingViolation> found = deferredRerun(failed, false);
        connection.exec("ROLLBACK TO " + SAVEPOINT);
        if (found.isEmpty() && failed.rerunRows() > 1) {
          found = deferredRerun(failed, true);
          connection.exec("ROLLBACK TO " + SAVEPOINT);
        }
        if (!found.isEmpty()) {
          return classify(found);
        }
      }
      List<ForeignKeyViolation> probed = new RestrictProbe(connection, keys).rerun(failed);
      // A guard's message without values (older SQLite) still names the key.
      return probed.isEmpty() && named != null ? List.of(named) : probed;
    } finally {
      connection.exec("ROLLBACK TO " + SAVEPOINT);
      connection.exec("RELEASE " + SAVEPOINT);
    }
  }

  /**
   * Every foreign key of the file, named. Raw DDL may have changed them since the last failure, so
   * the tables' DDL is compared with what the catalog was read from: one query, where reading it
   * again asks {@code foreign_key_list} of every table. The text itself is the key, not
   * {@code schema_version}, which a rolled-back DDL statement can bring back to a number an other
   * schema already had.
   */
  public ForeignKeyCatalog catalog() {
    String tablesDdl = String.join("\n", connection.queryStrings(TABLES_DDL));
    if (catalog == null || !tablesDdl.equals(catalogDdl)) {
      catalog = ForeignKeyCatalog.read(connection, schema);
      catalogDdl = tablesDdl;
    }
    return catalog;
  }

  private static boolean isRestrict(DriverException error) {
    return error.code() == ConstraintErrors.SQLITE_CONSTRAINT_TRIGGER;
  }

  /**
   * The child tables whose keys {@code failed} can break, or null for every table. A plain INSERT
   * can break only the keys of the table it writes: no ON DELETE or ON UPDATE action runs. An
   * UPDATE or DELETE can break its table's own keys and those of the tables that reference it,
   * and its actions (CASCADE, SET NULL, SET DEFAULT) write those tables, whose own referencing
   * tables it can then break in turn. REPLACE deletes, an upsert updates and a user's trigger
   * writes elsewhere: those check every table. Checking only these keeps the cost of the error
   * from growing with the rest of the file.
   */
  private List<String> tablesItCanBreak(SqliteStatement failed) {
    List<String> tables = WrittenTables.of(failed.sql(), catalog().all());
    if (tables == null) {
      return null;
    }
    for (String table : tables) {
      if (connection.hasTriggersInFile(table)) {
        return null;
      }
    }
    return tables;
  }

  /**
   * The violations the failed statement leaves when re-run with its keys deferred: all its rows,
   * checked at their end; or, {@code rowByRow}, its batch's rows one at a time until the first
   * that leaves one, for a batch that is whole by its end (a child ahead of its parent) but was
   * refused row by row.
   */
  private List<PendingViolation> deferredRerun(SqliteStatement failed, boolean rowByRow) {
    List<String> tables = tablesItCanBreak(failed);
    Set<String> before = identities(check(tables));
    boolean wasDeferred =
        Long.valueOf(1).equals(connection.queryValue("PRAGMA defer_foreign_keys"));
    connection.exec("PRAGMA defer_foreign_keys = ON");
    try {
      if (!rowByRow) {
        failed.rerun();
        return added(check(tables), before);
      }
      for (int row = 0; row < failed.rerunRows(); row++) {
        failed.rerunRow(row);
        List<PendingViolation> found = added(check(tables), before);
        if (!found.isEmpty()) {
          return found;
        }
      }
      return List.of();
    } catch (DriverException again) {
      return List.of();
    } finally {
      failed.reset();
      if (!wasDeferred) {
        connection.exec("PRAGMA defer_foreign_keys = OFF");
      }
    }
  }

  private static List<PendingViolation> added(List<PendingViolation> now, Set<String> before) {
    List<PendingViolation> found = new ArrayList<>();
    for (PendingViolation v : now) {
      if (!before.contains(v.identity())) {
        found.add(v);
      }
    }
    return found;
  }

  /**
   * Turns pending rows into violations. Run in the state before the failing change: a key whose
   * parent exists there was removed by the change (STILL_REFERENCED); otherwise it never existed.
   */
  public List<ForeignKeyViolation> classify(List<PendingViolation> pending) {
    List<ForeignKeyViolation> violations = new ArrayList<>();
    Set<String> tables = tables();
    for (PendingViolation p : pending) {
      PendingViolation named = p.key().parentColumns().isEmpty() ? withParentKey(p) : p;
      boolean parentExists = parentExists(named.key(), named.values(), tables);
      violations.add(named.toViolation(parentExists ? Kind.STILL_REFERENCED : Kind.MISSING_PARENT));
    }
    return violations;
  }

  /**
   * The same violations when they cannot be classified (a diagnosis step failed): every key is
   * still named, and reported as not present, which is what the rows show.
   */
  public static List<ForeignKeyViolation> unclassified(List<PendingViolation> pending) {
    List<ForeignKeyViolation> violations = new ArrayList<>();
    for (PendingViolation p : pending) {
      violations.add(p.toViolation(Kind.MISSING_PARENT));
    }
    return violations;
  }

  /**
   * A key declared without parent columns points at the parent's primary key, which could not be
   * read while the parent table was dropped; after the rollback it can.
   */
  private PendingViolation withParentKey(PendingViolation p) {
    ForeignKeyInfo k = p.key();
    List<String> parentKey = ForeignKeyCatalog.primaryKey(connection, k.parentTable());
    return new PendingViolation(
        new ForeignKeyInfo(k.name(), k.childTable(), k.childColumns(), k.parentTable(), parentKey,
            k.onDelete(), k.onUpdate(), k.deferred(), k.keyTypes()),
        p.row(), p.values());
  }

  /** A parent table that does not exist (dropped) holds no parent: "not present". */
  private boolean parentExists(ForeignKeyInfo key, List<Object> values, Set<String> tables) {
    if (values.isEmpty() || values.contains(null)
        || values.size() != key.parentColumns().size()
        || !tables.contains(key.parentTable().toLowerCase(Locale.ROOT))) {
      return false;
    }
    StringBuilder sql = new StringBuilder("SELECT 1 FROM ").append(Sql.quote(key.parentTable()));
    for (int i = 0; i < key.parentColumns().size(); i++) {
      sql.append(i == 0 ? " WHERE " : " AND ").append(Sql.quote(key.parentColumns().get(i)));
      sql.append(" = ?");
    }
    return connection.queryValue(sql.append(" LIMIT 1").toString(), values.toArray()) != null;
  }

  private boolean tableExists(String table) {
    return tables().contains(table.toLowerCase(Locale.ROOT));
  }

  /** The file's tables now, lower-cased: SQLite's names are case-insensitive. */
  private Set<String> tables() {
    Set<String> tables = new HashSet<>();
    for (String table : connection.tables()) {
      tables.add(table.toLowerCase(Locale.ROOT));
    }
    return tables;
  }

  private List<Object> childKey(ForeignKeyInfo key, Long rowid) {
    if (rowid == null) {
      return List.of();
    }
    String sql =
        "SELECT " + Sql.columnList(key.childColumns()) + " FROM " + Sql.quote(key.childTable())
            + " WHERE rowid = ?";
    SqliteStatement st = connection.prepare(sql);
    try {
      st.bindLong(1, rowid);
      List<Object> values = new ArrayList<>();
      if (st.step()) {
        for (int i = 0; i < key.childColumns().size(); i++) {
          values.add(st.columnValue(i));
        }
      }
      return values;
    } finally {
      st.reset();
    }
  }

  private static Set<String> identities(List<PendingViolation> violations) {
    Set<String> ids = new HashSet<>();
    for (PendingViolation v : violations) {
      ids.add(v.identity());
    }
    return ids;
  }
}
