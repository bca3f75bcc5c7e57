package keystone.engine;

/**
 * The connection to the database server died: the server restarted, an administrator ended the
 * session ({@code pg_terminate_backend}), a failover moved the primary, or the network dropped.
 *
 * <p>When it died before COMMIT was sent, the transaction certainly did not commit, and running
 * it again is safe: {@link Retry} does. When it died during COMMIT the outcome is unknown
 * ({@link #commitOutcomeUnknown()}), as with CockroachDB's 40003 "result is ambiguous": the
 * server may have committed and lost only the answer. Keystone never retries such a failure by
 * itself, since running the body again could apply it twice; look for its effects first.
 */
public class ConnectionLostException extends KeystoneException {
  private static final long serialVersionUID = 1L;

  private final boolean commitOutcomeUnknown;

  public ConnectionLostException(String message, boolean commitOutcomeUnknown, Throwable cause) {
    super(message, cause);
    this.commitOutcomeUnknown = commitOutcomeUnknown;
  }

  /**
   * True only when the connection died while COMMIT was under way: the transaction may or may
   * not have committed. False means it certainly did not.
   */
  public boolean commitOutcomeUnknown() {
    return commitOutcomeUnknown;
  }
}
