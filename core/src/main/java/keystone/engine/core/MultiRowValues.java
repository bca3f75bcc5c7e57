package keystone.engine.core;

/**
 * The text of an INSERT of many rows, as both engines send a batch ({@code VALUES (...), (...)}),
 * so that they spell it alike.
 */
public final class MultiRowValues {
  private MultiRowValues() {}

  /**
   * {@code head} (up to and with {@code VALUES }), {@code rows} copies of {@code tuple} joined by
   * commas, then {@code tail}.
   */
  public static String insert(String head, String tuple, String tail, int rows) {
    StringBuilder sql = new StringBuilder(head.length() + tail.length()
        + rows * (tuple.length() + 2));
    sql.append(head).append(tuple);
    for (int row = 1; row < rows; row++) {
      sql.append(", ").append(tuple);
    }
    return sql.append(tail).toString();
  }
}
