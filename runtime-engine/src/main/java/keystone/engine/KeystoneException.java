package keystone.engine;

/** Every error Keystone raises at run time; unchecked. */
public class KeystoneException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KeystoneException(String message) {
    super(message);
  }

  public KeystoneException(String message, Throwable cause) {
    super(message, cause);
  }
}
