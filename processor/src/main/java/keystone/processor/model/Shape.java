package keystone.processor.model;

/** How instances are built and read. */
public enum Shape {
  /** Canonical constructor, accessor methods. */
  RECORD,
  /** No-argument constructor, then non-private fields (or setters where a field is private). */
  FIELDS,
  /** No-argument constructor, JavaBean getters and setters only. */
  BEAN,
  /**
   * A constructor whose parameters are named like properties (final fields, getters only), as
   * Room builds entities; properties it does not take are set afterwards.
   */
  CONSTRUCTOR
}
