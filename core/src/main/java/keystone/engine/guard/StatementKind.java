package keystone.engine.guard;

/** What the engine must do with one SQL statement before (or instead of) running it. */
public enum StatementKind {
  /** Ordinary SQL that only reads: SELECT, VALUES, EXPLAIN, a PRAGMA that reads. */
  READ,
  /** Ordinary SQL that may write: DML, DDL, a PRAGMA that sets something harmless. */
  WRITE,
  /** {@code PRAGMA defer_foreign_keys = ON}: defer every key to the commit. */
  DEFER_ON,
  /** {@code PRAGMA defer_foreign_keys = OFF}: only once no deferred violation is outstanding. */
  DEFER_OFF
}
