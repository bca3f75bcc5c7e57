package keystone.engine;

/** A write broke a constraint; the call that made it changed nothing. */
public class ConstraintViolationException extends KeystoneException {
  private static final long serialVersionUID = 1L;

  private final String table;

  public ConstraintViolationException(String message, String table, Throwable cause) {
    super(message, cause);
    this.table = table;
  }

  /** The table whose constraint failed, or null when SQLite did not say. */
  public String table() {
    return table;
  }
}
