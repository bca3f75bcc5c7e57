package keystone.cli.schema;

import java.util.Locale;

/** SQLite's rule from a declared type to a column affinity. */
public enum Affinity {
  INTEGER,
  TEXT,
  BLOB,
  REAL,
  NUMERIC;

  /** https://www.sqlite.org/datatype3.html#determination_of_column_affinity, rules 1 to 5. */
  public static Affinity of(String declared) {
    String t = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
    if (t.contains("INT")) {
      return INTEGER;
    }
    if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
      return TEXT;
    }
    if (t.isEmpty() || t.contains("BLOB")) {
      return BLOB;
    }
    if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
      return REAL;
    }
    return NUMERIC;
  }
}
