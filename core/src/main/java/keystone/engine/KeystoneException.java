package keystone.engine;

/** Every error Keystone raises at run time; unchecked. */
public class KeystoneException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private int attempts = 1;

  public KeystoneException(String message) {
    super(message);
  }

  public KeystoneException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * How many times the transaction that failed with this exception ran: more than 1 when a
   * {@link Retry} ran it again and this was the last attempt's failure.
   */
  public int attempts() {
    return attempts;
  }

  /** Set by {@link Retry} on the failure it gives up with. */
  void recordAttempts(int count) {
    this.attempts = count;
  }

  @Override
  public String getMessage() {
    String message = super.getMessage();
    return attempts <= 1 ? message : message + " (after " + attempts + " attempts)";
  }
}
