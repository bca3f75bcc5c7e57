package keystone.processor.model;

/** The Java side of a column: decides the bind and read calls and the SQL affinity. */
public enum ColumnType {
  BOOLEAN(Affinity.INTEGER),
  BYTE(Affinity.INTEGER),
  SHORT(Affinity.INTEGER),
  INT(Affinity.INTEGER),
  LONG(Affinity.INTEGER),
  FLOAT(Affinity.REAL),
  DOUBLE(Affinity.REAL),
  STRING(Affinity.TEXT),
  BYTES(Affinity.BLOB),
  ENUM(Affinity.TEXT);

  private final Affinity affinity;

  ColumnType(Affinity affinity) {
    this.affinity = affinity;
  }

  public Affinity affinity() {
    return affinity;
  }
}
