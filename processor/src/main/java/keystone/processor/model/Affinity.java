package keystone.processor.model;

/** SQLite type affinity (https://www.sqlite.org/datatype3.html#type_affinity). */
public enum Affinity {
  INTEGER,
  REAL,
  TEXT,
  BLOB
}
