package keystone.engine;

import java.util.List;

/** A NOT NULL constraint failed; the call changed nothing. */
public class NotNullViolationException extends ConstraintViolationException {
  private static final long serialVersionUID = 1L;

  private final List<String> columns;

  public NotNullViolationException(String message, String table, List<String> columns, Throwable cause) {
    super(message, table, cause);
    this.columns = List.copyOf(columns);
  }

  /** The columns of the failed constraint. */
  public List<String> columns() {
    return columns;
  }
}
