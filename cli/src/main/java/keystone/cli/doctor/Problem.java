package keystone.cli.doctor;

import java.util.List;

/**
 * One finding. {@code kind} is a stable name tools can match ({@code orphans},
 * {@code unindexed-key}, {@code key-mismatch}, {@code type-mismatch}, {@code enforcement-off},
 * {@code not-valid}, {@code deferred-key}, {@code restrict-chain}, {@code cycle}); {@code key} the
 * constraint, {@code count} the rows concerned, {@code samples} a few of them.
 */
public record Problem(
    Severity severity,
    String kind,
    String table,
    List<String> columns,
    String key,
    long count,
    List<String> samples,
    String message,
    String fix) {

  public Problem {
    columns = List.copyOf(columns);
    samples = List.copyOf(samples);
  }
}
