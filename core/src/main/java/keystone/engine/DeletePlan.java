package keystone.engine;

import java.util.List;
import java.util.Map;

/**
 * What a delete would do, found without changing anything: rows each table would lose through
 * the delete and its CASCADE keys, rows whose keys SET NULL or SET DEFAULT would rewrite, and the
 * RESTRICT or NO ACTION keys that would stop it.
 *
 * <pre>{@code
 * DeletePlan plan = db.previewDelete(User.class, 42L);
 * if (plan.allowed()) {
 *   System.out.println("deleting user 42 removes " + plan.deleted());   // {users=1, orders=3, ...}
 * } else {
 *   System.out.println("blocked by " + plan.blockedBy());
 * }
 * }</pre>
 *
 * @param deleted table -> rows deleted, the target table included
 * @param nulled table -> rows whose foreign key would be set to NULL
 * @param defaulted table -> rows whose foreign key would be set to its default
 * @param blockedBy the violations that would make the delete fail; empty when it would succeed.
 *     Rows behind a RESTRICT key are left out of the counts, as the delete would never reach them.
 */
public record DeletePlan(
    Map<String, Integer> deleted,
    Map<String, Integer> nulled,
    Map<String, Integer> defaulted,
    List<ForeignKeyViolation> blockedBy) {

  public DeletePlan {
    deleted = Map.copyOf(deleted);
    nulled = Map.copyOf(nulled);
    defaulted = Map.copyOf(defaulted);
    blockedBy = List.copyOf(blockedBy);
  }

  /** Whether the delete would succeed. */
  public boolean allowed() {
    return blockedBy.isEmpty();
  }
}
