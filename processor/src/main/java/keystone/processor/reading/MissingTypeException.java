package keystone.processor.reading;

import keystone.processor.diagnostics.Source;

/**
 * A type the element needs does not exist yet; another processor may generate it in a later
 * round, so the element is retried then and reported only when processing is over.
 */
public final class MissingTypeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What javac gives for a class literal it cannot resolve, instead of the name. */
  private static final String UNNAMED = "<error>";

  private final transient Source source;

  public MissingTypeException(String type) {
    this(type, null);
  }

  private MissingTypeException(String type, Source source) {
    super(type, null, false, false);
    this.source = source;
  }

  /** The same, pointing at {@code at} unless a more precise spot is already known. */
  public MissingTypeException at(Source at) {
    return source != null ? this : new MissingTypeException(getMessage(), at);
  }

  /** Where the missing type is named, or null when only the element is known. */
  public Source source() {
    return source;
  }

  /** "type Foo", or a pointer to the spot when javac does not say which name it could not find. */
  public String describe() {
    return UNNAMED.equals(getMessage()) ? "the class named here" : "type " + getMessage();
  }
}
