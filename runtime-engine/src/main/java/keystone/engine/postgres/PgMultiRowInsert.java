package keystone.engine.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import keystone.engine.core.MultiRowValues;

/**
 * A batch of a generated INSERT sent as INSERTs of many rows each ({@code VALUES (...), (...)})
 * instead of pgjdbc's batch of one-row INSERTs.
 *
 * <p>Why: a batch whose rows fit one statement is then a single statement, which needs no
 * savepoint of its own beyond the one sent with it ({@link PgGuarded}), and the server runs one
 * statement instead of one per row. Graph write (an order and a batch of its ten items, in a
 * transaction) ran 1.39x hand JDBC's time with pgjdbc's batch under {@code autosave}, whose
 * savepoint commands go out as three writes.
 *
 * <p>Only where the outcome is the row-by-row one: the processor's plain INSERT or INSERT OR
 * IGNORE ({@code ON CONFLICT DO NOTHING}), without RETURNING and without an upsert's
 * {@code DO UPDATE} (PostgreSQL refuses one statement that updates a row twice, where row by
 * row the last wins), on a table that {@link PgBatchTables} finds without triggers, rules or a
 * foreign key to itself.
 */
final class PgMultiRowInsert {
  /**
   * Parameters one statement may hold: the protocol counts them in 16 bits, and pgjdbc before
   * 42.4 refused more than 32,767.
   */
  static final int MAX_PARAMETERS = 32_767;
  /**
   * Rows one statement takes at most: a longer VALUES list only makes a longer text for the
   * server to parse, where a few statements of this size already amortise the round trip.
   */
  static final int MAX_ROWS = 1_000;

  private final String head;
  private final String tuple;
  private final String tail;
  private final String table;
  private final int width;
  private final PgBatchTables tables;

  /**
   * @param head {@code INSERT INTO "t" ("a", "b") VALUES }
   * @param tuple one row's values, {@code (?, ?)}
   * @param tail what follows the values ({@code ON CONFLICT DO NOTHING}), or ""
   */
  PgMultiRowInsert(String head, String tuple, String tail, String table, PgBatchTables tables) {
    this.head = head;
    this.tuple = tuple;
    this.tail = tail;
    this.table = table;
    this.width = (int) tuple.chars().filter(c -> c == '?').count();
    this.tables = tables;
  }

  /** Whether a batch of rows {@code width} values wide can go as this insert's rows. */
  boolean fits(int rowWidth) {
    return width > 0 && rowWidth == width && width <= MAX_PARAMETERS;
  }

  /** Whether the table takes rows this way (asked once, see {@link PgBatchTables}). */
  boolean allowed(Connection connection) throws SQLException {
    return tables.allowsMultiRowInsert(table, connection);
  }

  /** Rows one statement takes. */
  int rowsPerStatement() {
    return Math.min(MAX_ROWS, MAX_PARAMETERS / width);
  }

  /** The INSERT of {@code rows} rows. */
  String sql(int rows) {
    return MultiRowValues.insert(head, tuple, tail, rows);
  }
}
