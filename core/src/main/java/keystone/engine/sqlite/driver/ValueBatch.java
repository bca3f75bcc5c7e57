package keystone.engine.sqlite.driver;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch kept as a copy of each row's bound values, for a {@link DriverStatement} whose API has
 * no batch of its own (Android's, and SQLite's upsert run in steps): {@link #add} at
 * {@link DriverStatement#addBatch()}, {@link #runEach} at {@link DriverStatement#executeBatch()},
 * with the contract that method states.
 */
public final class ValueBatch {
  /** Runs one queued row; returns the rows it changed. */
  @FunctionalInterface
  public interface Row {
    long run(Object[] values);
  }

  private final List<Object[]> rows = new ArrayList<>();

  /** Queues a copy of {@code values}: the statement binds the next row into the same array. */
  public void add(Object[] values) {
    rows.add(values.clone());
  }

  /**
   * Runs the queued rows in order, stopping at the first that fails, and returns the rows they
   * changed. Nothing stays queued afterwards, whether or not one failed.
   */
  public long runEach(Row row) {
    try {
      long changed = 0;
      for (Object[] values : rows) {
        changed += row.run(values);
      }
      return changed;
    } finally {
      rows.clear();
    }
  }
}
