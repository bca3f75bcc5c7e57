package keystone.engine;

import java.util.List;

/**
 * A migration failed and was rolled back: the file stays at the version it had before that
 * migration. {@link #violations()} lists the foreign keys it would have broken, if that was why.
 */
public class MigrationException extends KeystoneException {
  private static final long serialVersionUID = 1L;

  private final int from;
  private final int to;
  private final List<ForeignKeyViolation> violations;

  public MigrationException(
      String message, int from, int to, List<ForeignKeyViolation> violations, Throwable cause) {
    super(message, cause);
    this.from = from;
    this.to = to;
    this.violations = List.copyOf(violations);
  }

  /** The version the failed migration started from, which the file still has. */
  public int from() {
    return from;
  }

  /** The version the failed migration was to reach. */
  public int to() {
    return to;
  }

  /** The foreign-key violations found at the end of the migration; empty for other failures. */
  public List<ForeignKeyViolation> violations() {
    return violations;
  }
}
