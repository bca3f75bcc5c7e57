package keystone.engine.raw;

import keystone.engine.spi.SqlStatement;

/** What raw SQL needs of a statement beyond what generated code uses: loose arguments, any result. */
public interface RawStatement extends SqlStatement {
  /** Binds raw arguments from index 1, clearing whatever an earlier use left bound. */
  void bindAll(Object... args);

  /** Runs a statement of any kind; true when it produced rows, now open for step(). */
  boolean execute();

  /** Rows changed by the last {@link #execute()}, or -1 when it produced rows. */
  int updateCount();

  /** Column count of the open result. */
  int columnCount();

  /** The name (label) of the open result's 0-based {@code column}. */
  String columnName(int column);

  /** The current row's value as Long, Double, String, byte[] or null. */
  Object columnValue(int column);
}
