package keystone.android;

import android.database.Cursor;
import android.database.DatabaseUtils;
import android.database.sqlite.SQLiteCursor;
import android.database.sqlite.SQLiteDatabase;
import android.database.sqlite.SQLiteException;
import android.database.sqlite.SQLiteProgram;
import android.database.sqlite.SQLiteStatement;
import java.util.Arrays;
import java.util.regex.Pattern;
import keystone.engine.sqlite.driver.DriverStatement;
import keystone.engine.sqlite.driver.ValueBatch;

/**
 * One statement on Android's API, which has no step-wise statement: a statement that may return
 * rows runs as a cursor ({@code rawQueryWithFactory}, with typed values bound into its
 * {@code SQLiteQuery}, as androidx.sqlite's FrameworkSQLiteDatabase does), any other as a
 * {@link SQLiteStatement}. The values are kept here and bound at each run.
 */
final class AndroidStatement implements DriverStatement {
  private static final Pattern RETURNING = Pattern.compile("(?i)\\bRETURNING\\b");
  private static final String[] NO_ARGS = new String[0];

  private final AndroidConnection connection;
  private final String sql;
  private final SQLiteStatement compiled;
  /** Runs through a cursor: it may return rows. */
  private final boolean rows;
  private final Object[] values;
  private final ValueBatch batch = new ValueBatch();
  private Cursor cursor;
  private boolean done;

  AndroidStatement(AndroidConnection connection, String sql) {
    this.connection = connection;
    this.sql = sql;
    try {
      // Compiles it now, so an error shows at prepare as with SQLite's own API.
      this.compiled = connection.database().compileStatement(sql);
    } catch (SQLiteException | IllegalStateException e) {
      throw AndroidErrors.of(e);
    }
    this.rows = mayReturnRows(sql);
    this.values = new Object[countParameters(compiled)];
  }

  /**
   * Whether to run {@code sql} as a cursor: anything but a plain INSERT, UPDATE, DELETE or DDL.
   * A statement without rows runs through a cursor too, so guessing wide costs nothing.
   */
  private static boolean mayReturnRows(String sql) {
    // Not a switch: Robolectric's instrumented Android jar has no compile-time constants.
    int type = DatabaseUtils.getSqlStatementType(sql);
    if (type == DatabaseUtils.STATEMENT_UPDATE) {
      return RETURNING.matcher(sql).find();
    }
    return type != DatabaseUtils.STATEMENT_DDL && type != DatabaseUtils.STATEMENT_ATTACH
        && type != DatabaseUtils.STATEMENT_UNPREPARED;
  }

  /**
   * How many parameters the statement has. Android keeps the count private but refuses a bind
   * beyond it, so the count is found by binding NULL: doubling, then bisecting.
   */
  private static int countParameters(SQLiteProgram program) {
    int fits = 0;
    int probe = 1;
    while (binds(program, probe)) {
      fits = probe;
      probe *= 2;
    }
    int low = fits;
    int high = probe;
    while (high - low > 1) {
      int middle = (low + high) >>> 1;
      if (binds(program, middle)) {
        low = middle;
      } else {
        high = middle;
      }
    }
    program.clearBindings();
    return low;
  }

  private static boolean binds(SQLiteProgram program, int index) {
    try {
      program.bindNull(index);
      return true;
    } catch (IllegalArgumentException outOfRange) {
      return false;
    }
  }

  @Override
  public int parameterCount() {
    return values.length;
  }

  private void set(int index, Object value) {
    if (index < 1 || index > values.length) {
      throw new keystone.engine.sqlite.driver.DriverException(
          25, "column index out of range", null);
    }
    values[index - 1] = value;
  }

  @Override
  public void bindNull(int index) {
    set(index, null);
  }

  @Override
  public void bindLong(int index, long value) {
    set(index, value);
  }

  @Override
  public void bindDouble(int index, double value) {
    set(index, value);
  }

  @Override
  public void bindText(int index, String value) {
    set(index, value);
  }

  @Override
  public void bindBlob(int index, byte[] value) {
    set(index, value);
  }

  @Override
  public void clearBindings() {
    Arrays.fill(values, null);
  }

  private static void bind(SQLiteProgram program, Object[] args) {
    for (int i = 0; i < args.length; i++) {
      Object value = args[i];
      if (value == null) {
        program.bindNull(i + 1);
      } else if (value instanceof Long number) {
        program.bindLong(i + 1, number);
      } else if (value instanceof Double number) {
        program.bindDouble(i + 1, number);
      } else if (value instanceof String text) {
        program.bindString(i + 1, text);
      } else {
        program.bindBlob(i + 1, (byte[]) value);
      }
    }
  }

  @Override
  public boolean step() {
    try {
      if (rows) {
        if (cursor == null) {
          cursor = query();
          connection.changed(-1);
        }
        return cursor.moveToNext();
      }
      if (done) {
        return false;
      }
      done = true;
      connection.changed(run(values));
      return false;
    } catch (SQLiteException | IllegalStateException e) {
      throw AndroidErrors.of(e);
    }
  }

  private Cursor query() {
    return connection.database().rawQueryWithFactory(
        (SQLiteDatabase db, android.database.sqlite.SQLiteCursorDriver driver, String table,
            android.database.sqlite.SQLiteQuery query) -> {
          bind(query, values);
          return new SQLiteCursor(driver, table, query);
        },
        sql, NO_ARGS, null);
  }

  private long run(Object[] args) {
    compiled.clearBindings();
    bind(compiled, args);
    return compiled.executeUpdateDelete();
  }

  @Override
  public int columnCount() {
    return cursor == null ? 0 : cursor.getColumnCount();
  }

  @Override
  public String columnName(int column) {
    return cursor().getColumnName(column);
  }

  @Override
  public int columnType(int column) {
    int type = cursor().getType(column);
    if (type == Cursor.FIELD_TYPE_INTEGER) {
      return INTEGER;
    } else if (type == Cursor.FIELD_TYPE_FLOAT) {
      return FLOAT;
    } else if (type == Cursor.FIELD_TYPE_STRING) {
      return TEXT;
    } else if (type == Cursor.FIELD_TYPE_BLOB) {
      return BLOB;
    }
    return NULL;
  }

  @Override
  public boolean columnIsNull(int column) {
    return cursor().isNull(column);
  }

  @Override
  public long columnLong(int column) {
    return cursor().getLong(column);
  }

  @Override
  public double columnDouble(int column) {
    return cursor().getDouble(column);
  }

  @Override
  public String columnText(int column) {
    return cursor().getString(column);
  }

  @Override
  public byte[] columnBlob(int column) {
    return cursor().getBlob(column);
  }

  private Cursor cursor() {
    if (cursor == null) {
      throw new IllegalStateException("No row: step() first");
    }
    return cursor;
  }

  @Override
  public void reset() {
    done = false;
    if (cursor != null) {
      cursor.close();
      cursor = null;
    }
  }

  @Override
  public void addBatch() {
    batch.add(values);
  }

  @Override
  public long executeBatch() {
    try {
      return batch.runEach(row -> {
        long changed = run(row);
        connection.changed(changed);
        return changed;
      });
    } catch (SQLiteException | IllegalStateException e) {
      throw AndroidErrors.of(e);
    }
  }

  @Override
  public void close() {
    reset();
    compiled.close();
  }
}
