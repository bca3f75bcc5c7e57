package keystone.engine;

import java.util.List;

/**
 * One or more foreign keys were violated; the call (or the whole transaction, for a commit) changed
 * nothing. The message starts {@code FOREIGN KEY constraint failed: } and names the first
 * violation the way PostgreSQL does.
 */
public class ForeignKeyViolationException extends ConstraintViolationException {
  private static final long serialVersionUID = 1L;

  private final List<ForeignKeyViolation> violations;

  public ForeignKeyViolationException(List<ForeignKeyViolation> violations, Throwable cause) {
    super(
        ForeignKeyMessages.describe(violations),
        violations.isEmpty() ? null : violations.get(0).childTable(),
        cause);
    this.violations = List.copyOf(violations);
  }

  /** Every violated key found, in the order SQLite reported them. */
  public List<ForeignKeyViolation> violations() {
    return violations;
  }
}
