package keystone.engine.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One statement's INSERTs of many rows ({@link PgMultiRowInsert}) prepared on one connection,
 * a form per row count, bound from the rows a batch queued ({@link PgBinds#queueRow}).
 */
final class PgMultiRowStatements {
  /** Forms kept per row count: the full chunk and a few remainders. */
  private static final int KEPT = 4;

  private final Connection connection;
  private final PgMultiRowInsert insert;
  private final PgBinds binds;
  private final Map<Integer, PreparedStatement> plain = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, PreparedStatement> eldest) {
      if (size() > KEPT) {
        closeQuietly(eldest.getValue());
        return true;
      }
      return false;
    }
  };
  private final Map<Integer, PgGuarded> guarded = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, PgGuarded> eldest) {
      if (size() > KEPT) {
        eldest.getValue().close();
        return true;
      }
      return false;
    }
  };

  PgMultiRowStatements(Connection connection, PgMultiRowInsert insert, PgBinds binds) {
    this.connection = connection;
    this.insert = insert;
    this.binds = binds;
  }

  /** The INSERT of queued rows {@code from} to {@code from + count - 1}, bound. */
  PreparedStatement plain(int from, int count) throws SQLException {
    PreparedStatement statement = plain.get(count);
    if (statement == null) {
      statement = connection.prepareStatement(insert.sql(count));
      plain.put(count, statement);
    }
    bind(statement, from, count);
    return statement;
  }

  /** The INSERT of the first {@code count} queued rows, bound. */
  PreparedStatement plain(int count) throws SQLException {
    return plain(0, count);
  }

  /** The INSERT of the first {@code count} queued rows with its savepoint, bound. */
  PgGuarded guarded(int count) throws SQLException {
    PgGuarded statement = guarded.get(count);
    if (statement == null) {
      statement = new PgGuarded(connection, insert.sql(count));
      guarded.put(count, statement);
    }
    bind(statement.prepared(), 0, count);
    return statement;
  }

  private void bind(PreparedStatement statement, int from, int count) throws SQLException {
    int width = binds.rowWidth();
    for (int row = 0; row < count; row++) {
      binds.bindRow(statement, from + row, 1 + row * width);
    }
  }

  void close() {
    plain.values().forEach(PgMultiRowStatements::closeQuietly);
    plain.clear();
    guarded.values().forEach(PgGuarded::close);
    guarded.clear();
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException ignored) {
      // The connection goes back to the pool either way.
    }
  }
}
