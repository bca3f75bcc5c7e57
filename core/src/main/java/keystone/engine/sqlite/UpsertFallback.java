package keystone.engine.sqlite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.engine.sqlite.driver.DriverConnection;
import keystone.engine.sqlite.driver.DriverException;
import keystone.engine.sqlite.driver.DriverStatement;
import keystone.engine.sqlite.driver.ValueBatch;

/**
 * A generated upsert, {@code INSERT ... ON CONFLICT (key) DO UPDATE SET ...} or {@code DO NOTHING},
 * on a SQLite older than 3.24, which has no upsert (https://www.sqlite.org/lang_upsert.html;
 * Android 9 and 10 ship 3.22). It runs as Room's {@code @Upsert} does there: the INSERT, and when
 * that fails on a PRIMARY KEY or UNIQUE constraint while a row with the conflict target's values
 * exists, the UPDATE of that row with the same SET list (or nothing, for DO NOTHING).
 *
 * <p>The answers are the upsert's. A conflict on another unique index, with no row at the target,
 * is the INSERT's error; an UPDATE that breaks a key or another unique index fails with its own
 * error, as DO UPDATE does. The rowid ({@code RETURNING rowid}) is the inserted or the updated
 * row's, none for DO NOTHING that skipped; the change count is 1 or 0.
 *
 * <p>All of it runs inside one savepoint: outside a transaction the failed INSERT holds no lock,
 * so without it another connection could write between the INSERT and the UPDATE, and the
 * savepoint's RELEASE is then the commit where deferred keys are checked, as at the end of the
 * upsert statement (https://www.sqlite.org/lang_savepoint.html). A failed INSERT under ABORT
 * undoes only itself, and a failure anywhere rolls back to the savepoint: the file is as before.
 *
 * <p>Only the shape the processor writes is recognised ({@code processor/.../sql/EntitySql}).
 */
final class UpsertFallback {
  private static final String IDENT = GeneratedSql.IDENT;
  private static final String IDENTS = GeneratedSql.IDENTS;
  private static final String SET = IDENT + " = excluded\\." + IDENT;
  private static final Pattern GENERATED = Pattern.compile(
      "(INSERT INTO (" + IDENT + ") \\((" + IDENTS + ")\\) VALUES \\(\\?(?:, \\?)*\\))"
          + " ON CONFLICT \\((" + IDENTS + ")\\) (?:DO NOTHING|DO UPDATE SET (" + SET
          + "(?:, " + SET + ")*))( RETURNING rowid)?",
      Pattern.DOTALL);
  private static final Pattern ONE_SET =
      Pattern.compile("(" + IDENT + ") = excluded\\.(" + IDENT + ")");
  private static final String SAVEPOINT = "ks_upsert";

  private final String insertSql;
  /** {@code UPDATE ... WHERE key}, or null for DO NOTHING. */
  private final String updateSql;
  /** The 1-based insert parameter bound to each of the UPDATE's parameters. */
  private final int[] updateParameters;
  /** {@code SELECT rowid} (or {@code 1}) of the row the conflict target's values name. */
  private final String lookupSql;
  /** The 1-based insert parameter of each conflict-target column. */
  private final int[] keyParameters;
  private final boolean returning;

  private UpsertFallback(String insertSql, String updateSql, int[] updateParameters,
      String lookupSql, int[] keyParameters, boolean returning) {
    this.insertSql = insertSql;
    this.updateSql = updateSql;
    this.updateParameters = updateParameters;
    this.lookupSql = lookupSql;
    this.keyParameters = keyParameters;
    this.returning = returning;
  }

  /** The fallback for {@code sql}, or null when it is not a generated upsert. */
  static UpsertFallback parse(String sql) {
    if (!sql.startsWith("INSERT INTO ") || !sql.contains(" ON CONFLICT (")) {
      return null;
    }
    Matcher m = GENERATED.matcher(sql);
    if (!m.matches()) {
      return null;
    }
    String table = m.group(2);
    List<String> columns = GeneratedSql.identifiers(m.group(3));
    List<String> target = GeneratedSql.identifiers(m.group(4));
    int[] keys = GeneratedSql.positions(columns, target);
    if (keys == null) {
      return null;
    }
    boolean returning = m.group(6) != null;
    String where = where(target);
    String lookup = "SELECT " + (returning ? "rowid" : "1") + " FROM " + table + where;
    if (m.group(5) == null) {
      return new UpsertFallback(m.group(1), null, null, lookup, keys, returning);
    }
    List<String> set = new ArrayList<>();
    Matcher item = ONE_SET.matcher(m.group(5));
    while (item.find()) {
      if (!item.group(1).equals(item.group(2))) {
        return null;
      }
      set.add(item.group(1));
    }
    int[] setParameters = GeneratedSql.positions(columns, set);
    if (setParameters == null) {
      return null;
    }
    int[] parameters = Arrays.copyOf(setParameters, set.size() + keys.length);
    System.arraycopy(keys, 0, parameters, set.size(), keys.length);
    String update = "UPDATE " + table + " SET " + String.join(" = ?, ", set) + " = ?" + where;
    return new UpsertFallback(m.group(1), update, parameters, lookup, keys, returning);
  }

  private static String where(List<String> target) {
    return " WHERE " + String.join(" = ? AND ", target) + " = ?";
  }

  /** The plain INSERT, prepared, as a statement that answers like the upsert. */
  DriverStatement prepare(DriverConnection connection) {
    return new Run(connection, connection.prepare(insertSql));
  }

  /**
   * Whether {@code e} is a PRIMARY KEY or UNIQUE failure (extended codes 1555 and 2067,
   * https://www.sqlite.org/rescode.html), or, from a driver that reports only the primary code,
   * one whose message says so.
   */
  static boolean isUniqueConflict(DriverException e) {
    return e.code() == ConstraintErrors.SQLITE_CONSTRAINT_PRIMARYKEY
        || e.code() == ConstraintErrors.SQLITE_CONSTRAINT_UNIQUE
        || (e.code() == ConstraintErrors.SQLITE_CONSTRAINT
            && e.sqliteMessage().startsWith("UNIQUE constraint failed"));
  }

  /** One prepared upsert: binds go to the INSERT and are kept for the UPDATE and the lookup. */
  final class Run extends RowidAnswer {
    private final DriverConnection connection;
    private final Object[] values;
    private final ValueBatch batch = new ValueBatch();
    private DriverStatement update;
    private DriverStatement lookup;
    private DriverStatement savepoint;
    private DriverStatement release;
    private DriverStatement rollbackTo;
    /** Rows the last run changed: 1, or 0 when DO NOTHING skipped. */
    private int changes;
    private long foundRowid;

    Run(DriverConnection connection, DriverStatement insert) {
      super(insert, returning);
      this.connection = connection;
      this.values = new Object[insert.parameterCount()];
    }

    @Override
    protected void bound(int index, Object value) {
      values[index - 1] = value;
    }

    @Override
    public void clearBindings() {
      super.clearBindings();
      Arrays.fill(values, null);
    }

    /** Rows the last run changed, as the upsert statement's {@code changes()} would say. */
    int changes() {
      return changes;
    }

    @Override
    protected boolean run() {
      changes = 0;
      savepoint = exec(savepoint, "SAVEPOINT " + SAVEPOINT);
      try {
        boolean changed = insertOrUpdate();
        release = exec(release, "RELEASE " + SAVEPOINT);
        changes = changed ? 1 : 0;
        return changed;
      } catch (DriverException e) {
        undo(e);
        throw e;
      }
    }

    private boolean insertOrUpdate() {
      try {
        runToEnd(delegate);
      } catch (DriverException e) {
        if (!isUniqueConflict(e) || !targetExists()) {
          throw e;
        }
        if (updateSql == null) {
          return false;
        }
        update = update != null ? update : connection.prepare(updateSql);
        for (int i = 0; i < updateParameters.length; i++) {
          ForwardingStatement.bind(update, i + 1, values[updateParameters[i] - 1]);
        }
        runToEnd(update);
        wrote(foundRowid);
        return true;
      }
      if (answers()) {
        wrote(connection.lastInsertRowid());
      }
      return true;
    }

    /** Whether a row has the conflict target's values (a NULL among them never conflicts). */
    private boolean targetExists() {
      lookup = lookup != null ? lookup : connection.prepare(lookupSql);
      try {
        for (int i = 0; i < keyParameters.length; i++) {
          Object value = values[keyParameters[i] - 1];
          if (value == null) {
            return false;
          }
          ForwardingStatement.bind(lookup, i + 1, value);
        }
        if (!lookup.step()) {
          return false;
        }
        foundRowid = returning ? lookup.columnLong(0) : 0;
        return true;
      } finally {
        lookup.reset();
      }
    }

    /** Back to the savepoint and out of it, so the file is as it was before the upsert. */
    private void undo(DriverException failure) {
      try {
        rollbackTo = exec(rollbackTo, "ROLLBACK TO " + SAVEPOINT);
        release = exec(release, "RELEASE " + SAVEPOINT);
      } catch (DriverException lost) {
        // SQLite already rolled the whole transaction back (a full disk, say): nothing is left.
        failure.addSuppressed(lost);
      }
    }

    private DriverStatement exec(DriverStatement statement, String sql) {
      DriverStatement prepared = statement != null ? statement : connection.prepare(sql);
      runToEnd(prepared);
      return prepared;
    }

    private void runToEnd(DriverStatement statement) {
      try {
        while (statement.step()) {
          // Writes without RETURNING have no rows.
        }
      } finally {
        statement.reset();
      }
    }

    @Override
    public void addBatch() {
      batch.add(values);
    }

    /** Each queued row as its own upsert, in order, stopping at the first that fails. */
    @Override
    public long executeBatch() {
      return batch.runEach(row -> {
        for (int i = 0; i < row.length; i++) {
          ForwardingStatement.bind(delegate, i + 1, row[i]);
          values[i] = row[i];
        }
        run();
        return changes;
      });
    }

    @Override
    public void close() {
      for (DriverStatement statement :
          Arrays.asList(update, lookup, savepoint, release, rollbackTo)) {
        if (statement != null) {
          statement.close();
        }
      }
      delegate.close();
    }
  }
}
