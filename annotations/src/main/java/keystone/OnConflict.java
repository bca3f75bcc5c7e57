package keystone;

/**
 * What an {@link Insert} does when the row collides with a PRIMARY KEY or UNIQUE constraint
 * (https://www.sqlite.org/lang_conflict.html). None of them ever suppresses a foreign-key error.
 */
public enum OnConflict {
  /** Fail the call with a {@code UniqueViolationException}; nothing is written. */
  ABORT,
  /** Skip the colliding row; an {@code @Insert} returning ids gives -1 for it. */
  IGNORE,
  /**
   * Delete the old row, then insert. The delete fires ON DELETE actions: CASCADE children of the
   * old row disappear. Use {@link Upsert} to update in place instead.
   */
  REPLACE
}
