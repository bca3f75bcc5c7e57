package keystone.engine.sqlite.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import keystone.engine.sqlite.driver.DriverStatement;

/** The C API's step-and-read shape over a sqlite-jdbc prepared statement. */
final class JdbcStatement implements DriverStatement {
  private final PreparedStatement statement;
  private final int parameters;
  /** Result columns, fixed at prepare: a SELECT's or a RETURNING's, 0 for other statements. */
  private final int columns;
  private ResultSet rows;
  /** Run since the last reset; a statement without rows then has nothing more to give. */
  private boolean started;

  JdbcStatement(PreparedStatement statement) throws SQLException {
    this.statement = statement;
    this.parameters = statement.getParameterMetaData().getParameterCount();
    this.columns = columns(statement);
  }

  /** sqlite-jdbc answers a statement without result columns with "column 1 out of bounds". */
  private static int columns(PreparedStatement statement) {
    try {
      return statement.getMetaData().getColumnCount();
    } catch (SQLException none) {
      return 0;
    }
  }

  @Override
  public int parameterCount() {
    return parameters;
  }

  @Override
  public void bindNull(int index) {
    try {
      statement.setNull(index, java.sql.Types.NULL);
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public void bindLong(int index, long value) {
    try {
      statement.setLong(index, value);
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public void bindDouble(int index, double value) {
    try {
      statement.setDouble(index, value);
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public void bindText(int index, String value) {
    try {
      statement.setString(index, value);
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public void bindBlob(int index, byte[] value) {
    try {
      statement.setBytes(index, value);
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public void clearBindings() {
    try {
      statement.clearParameters();
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public boolean step() {
    try {
      if (rows != null) {
        return rows.next();
      }
      if (started) {
        return false;
      }
      started = true;
      if (columns == 0) {
        // execute() also counts the changes, which the dialect asks for only when it needs them.
        statement.execute();
        return false;
      }
      rows = statement.executeQuery();
      return rows.next();
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public int columnCount() {
    try {
      // The open rows' own count: SQLite re-prepares a statement whose table changed shape.
      return rows != null ? rows.getMetaData().getColumnCount() : columns;
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public String columnName(int column) {
    try {
      return rows.getMetaData().getColumnLabel(column + 1);
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public int columnType(int column) {
    try {
      Object value = rows.getObject(column + 1);
      if (value == null) {
        return NULL;
      }
      if (value instanceof Long || value instanceof Integer || value instanceof Short
          || value instanceof Byte) {
        return INTEGER;
      }
      if (value instanceof Double || value instanceof Float) {
        return FLOAT;
      }
      return value instanceof byte[] ? BLOB : TEXT;
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public boolean columnIsNull(int column) {
    try {
      rows.getLong(column + 1);
      return rows.wasNull();
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public long columnLong(int column) {
    try {
      return rows.getLong(column + 1);
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public double columnDouble(int column) {
    try {
      return rows.getDouble(column + 1);
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public String columnText(int column) {
    try {
      return rows.getString(column + 1);
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public byte[] columnBlob(int column) {
    try {
      return rows.getBytes(column + 1);
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public void reset() {
    ResultSet open = rows;
    rows = null;
    started = false;
    if (open != null) {
      try {
        open.close();
      } catch (SQLException e) {
        // Only a step reports errors; closing what it left reports nothing new.
      }
    }
  }

  @Override
  public void addBatch() {
    try {
      statement.addBatch();
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    }
  }

  @Override
  public long executeBatch() {
    try {
      long changed = 0;
      for (int count : statement.executeBatch()) {
        changed += Math.max(count, 0);
      }
      return changed;
    } catch (SQLException e) {
      throw JdbcErrors.of(e);
    } finally {
      try {
        statement.clearBatch();
      } catch (SQLException e) {
        // Nothing was left to clear.
      }
    }
  }

  @Override
  public void close() {
    rows = null;
    try {
      statement.close();
    } catch (SQLException e) {
      // Closing after a failure: the statement is gone either way.
    }
  }
}
