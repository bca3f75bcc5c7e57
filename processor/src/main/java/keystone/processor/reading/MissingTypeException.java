package keystone.processor.reading;

/**
 * A type the element needs does not exist yet; another processor may generate it in a later
 * round, so the element is retried then and reported only when processing is over.
 */
public final class MissingTypeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MissingTypeException(String type) {
    super(type, null, false, false);
  }

  public String type() {
    return getMessage();
  }
}
