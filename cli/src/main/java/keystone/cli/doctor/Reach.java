package keystone.cli.doctor;

import java.util.List;

/**
 * What deleting one row of {@code table} reaches: the tables it deletes from or rewrites
 * (CASCADE, SET NULL, SET DEFAULT), how many levels deep, the key with the most child rows for
 * one parent row in the data, and the RESTRICT / NO ACTION keys that can refuse it.
 */
public record Reach(
    String table,
    List<String> reached,
    int depth,
    String largestFanOutKey,
    long largestFanOut,
    List<String> blockedBy) {

  public Reach {
    reached = List.copyOf(reached);
    blockedBy = List.copyOf(blockedBy);
  }
}
