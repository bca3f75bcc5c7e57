package keystone.engine;

/** A CHECK constraint failed; the call changed nothing. */
public class CheckViolationException extends ConstraintViolationException {
  private static final long serialVersionUID = 1L;

  private final String constraint;

  public CheckViolationException(String message, String table, String constraint, Throwable cause) {
    super(message, table, cause);
    this.constraint = constraint;
  }

  /** The failed CHECK's name, or its expression when it has none (as SQLite reports it). */
  public String constraint() {
    return constraint;
  }
}
