package keystone.engine.sqlite;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.engine.sqlite.driver.DriverConnection;
import keystone.engine.sqlite.driver.DriverStatement;

/**
 * A generated {@code INSERT ... RETURNING rowid} on a SQLite older than 3.35, which has no
 * RETURNING (https://www.sqlite.org/lang_returning.html; Android below API 35): the INSERT runs
 * without it and this gives the same one-row result. A plain or REPLACE insert returns
 * {@code last_insert_rowid()}; one that changed nothing (OR IGNORE that skipped, DO NOTHING)
 * returns no row; an upsert returns the rowid of the row its conflict target's bound values name,
 * which is the inserted row or the updated one (an upsert's update leaves
 * {@code last_insert_rowid()} as it was, which is why the generated SQL asks for RETURNING).
 *
 * <p>Only the shape the processor writes is recognised ({@code processor/.../sql/EntitySql}):
 * its column list maps each conflict-target column to its parameter.
 */
final class ReturningRowid {
  private static final String IDENT = GeneratedSql.IDENT;
  private static final String IDENTS = GeneratedSql.IDENTS;
  private static final Pattern GENERATED = Pattern.compile(
      "(INSERT (?:OR (?:IGNORE|REPLACE) )?INTO (" + IDENT + ") \\((" + IDENTS + ")\\)"
          + " VALUES \\(\\?(?:, \\?)*\\)"
          + "(?: ON CONFLICT \\((" + IDENTS + ")\\) (?:DO UPDATE SET .*|DO NOTHING))?)"
          + " RETURNING rowid",
      Pattern.DOTALL);

  private final String insertSql;
  /** {@code SELECT rowid} by the conflict target, or null for an insert without one. */
  private final String lookupSql;
  /** The 1-based parameter of each conflict-target column. */
  private final int[] keyParameters;

  private ReturningRowid(String insertSql, String lookupSql, int[] keyParameters) {
    this.insertSql = insertSql;
    this.lookupSql = lookupSql;
    this.keyParameters = keyParameters;
  }

  /** The emulation for {@code sql}, or null when it is not a generated insert with RETURNING. */
  static ReturningRowid parse(String sql) {
    if (!sql.endsWith(" RETURNING rowid")) {
      return null;
    }
    Matcher m = GENERATED.matcher(sql);
    if (!m.matches()) {
      return null;
    }
    if (m.group(4) == null) {
      return new ReturningRowid(m.group(1), null, new int[0]);
    }
    List<String> target = GeneratedSql.identifiers(m.group(4));
    int[] parameters = GeneratedSql.positions(GeneratedSql.identifiers(m.group(3)), target);
    if (parameters == null) {
      return null;
    }
    String lookup = "SELECT rowid FROM " + m.group(2) + " WHERE "
        + String.join(" = ? AND ", target) + " = ?";
    return new ReturningRowid(m.group(1), lookup, parameters);
  }

  /** The insert, prepared without RETURNING, as a statement that answers like one with it. */
  DriverStatement prepare(DriverConnection connection) {
    return new Emulated(connection, connection.prepare(insertSql));
  }

  /** Binds go to the insert; its first step runs it and yields the rowid row, if any. */
  private final class Emulated extends RowidAnswer {
    private final DriverConnection connection;
    private final Object[] keyValues = new Object[keyParameters.length];
    private DriverStatement lookup;

    Emulated(DriverConnection connection, DriverStatement insert) {
      super(insert, true);
      this.connection = connection;
    }

    @Override
    protected void bound(int index, Object value) {
      for (int i = 0; i < keyParameters.length; i++) {
        if (keyParameters[i] == index) {
          keyValues[i] = value;
        }
      }
    }

    @Override
    public void clearBindings() {
      super.clearBindings();
      java.util.Arrays.fill(keyValues, null);
    }

    @Override
    protected boolean run() {
      while (delegate.step()) {
        // An INSERT without RETURNING has no rows.
      }
      if (connection.changes() == 0) {
        return false;
      }
      wrote(lookupSql == null || hasNullKey() ? connection.lastInsertRowid() : lookUp());
      return true;
    }

    /** A NULL in the conflict target never conflicts, so the row was inserted. */
    private boolean hasNullKey() {
      for (Object value : keyValues) {
        if (value == null) {
          return true;
        }
      }
      return false;
    }

    private long lookUp() {
      if (lookup == null) {
        lookup = connection.prepare(lookupSql);
      }
      try {
        for (int i = 0; i < keyValues.length; i++) {
          ForwardingStatement.bind(lookup, i + 1, keyValues[i]);
        }
        return lookup.step() ? lookup.columnLong(0) : connection.lastInsertRowid();
      } finally {
        lookup.reset();
      }
    }

    @Override
    public void close() {
      if (lookup != null) {
        lookup.close();
      }
      delegate.close();
    }
  }
}
