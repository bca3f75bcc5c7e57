package keystone.cli.doctor;

import static keystone.cli.schema.Sql.allNotNull;
import static keystone.cli.schema.Sql.columns;
import static keystone.cli.schema.Sql.quote;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import keystone.cli.schema.SourceSchema;
import keystone.cli.schema.Sql;
import keystone.engine.sqlite.schema.SchemaShapes;
import keystone.cli.schema.SourceSchema.Column;
import keystone.cli.schema.SourceSchema.Index;
import keystone.cli.schema.SourceSchema.Key;
import keystone.cli.schema.SourceSchema.Table;

/** The checks that look at one foreign key at a time, against the schema and the rows. */
final class KeyChecks {
  private static final int SAMPLES = 3;

  private final Connection connection;
  private final SourceSchema schema;
  private final List<Problem> problems;

  KeyChecks(Connection connection, SourceSchema schema, List<Problem> problems) {
    this.connection = connection;
    this.schema = schema;
    this.problems = problems;
  }

  /** Runs every per-key check; returns the key's orphan count. */
  long check(Key key) throws SQLException {
    Table child = schema.table(key.table()).orElseThrow();
    Optional<Table> parent = schema.table(key.parent());
    if (!resolvable(key, child, parent)) {
      return 0;
    }
    parentUnique(key, parent.get());
    types(key, child, parent.get());
    indexed(key, child);
    if (key.deferrable()) {
      add(Severity.INFO, "deferred-key", key, 0, List.of(),
          key.label() + " is DEFERRABLE" + (key.initiallyDeferred() ? " INITIALLY DEFERRED" : "")
              + ": inside a transaction it is checked only at COMMIT, so orphans can exist"
              + " until then",
          "nothing to do if deliberate; keep transactions that rely on it short");
    }
    if (!key.enforced()) {
      add(Severity.ERROR, "enforcement-off", key, rows(key.table()), List.of(),
          key.label() + " is not enforced: its triggers are disabled (ALTER TABLE ... DISABLE"
              + " TRIGGER ALL), so no write to " + key.table() + " or " + key.parent()
              + " is checked against it",
          "ALTER TABLE " + quote(key.table()) + " ENABLE TRIGGER ALL; ALTER TABLE "
              + quote(key.parent()) + " ENABLE TRIGGER ALL; then run keystone doctor again");
    }
    if (!key.validated()) {
      add(Severity.WARNING, "not-valid", key, 0, List.of(),
          key.label() + " was added NOT VALID: rows older than the constraint were never"
              + " checked",
          "ALTER TABLE " + quote(key.table()) + " VALIDATE CONSTRAINT " + quote(key.name()));
    }
    return orphans(key, child, parent.get());
  }

  /** The parent table and every named column exist and the column counts agree. */
  private boolean resolvable(Key key, Table child, Optional<Table> parent)
      throws SQLException {
    String missing = null;
    if (parent.isEmpty()) {
      missing = "table " + key.parent() + " does not exist";
    } else if (key.parentColumns().size() != key.columns().size()) {
      missing = key.parent() + " has " + key.parentColumns().size() + " key column(s) for "
          + key.columns().size() + " child column(s)";
    } else {
      for (String c : key.parentColumns()) {
        if (parent.get().column(c).isEmpty()) {
          missing = "column " + key.parent() + "." + c + " does not exist";
        }
      }
    }
    if (missing == null) {
      return true;
    }
    add(Severity.ERROR, "key-mismatch", key, rows(child.name()), List.of(),
        key.label() + ": " + missing + "; SQLite fails every write to " + key.table()
            + " with \"foreign key mismatch\"",
        "point the key at an existing primary key or UNIQUE columns of the parent");
    return false;
  }

  /** SQLite's "foreign key mismatch": parent columns must be the PK or exactly a UNIQUE index. */
  private void parentUnique(Key key, Table parent) throws SQLException {
    Set<String> wanted = lower(key.parentColumns());
    if (lower(parent.primaryKey()).equals(wanted)) {
      return;
    }
    for (Index index : parent.indexes()) {
      if (index.unique() && index.where() == null && lower(index.columns()).equals(wanted)) {
        return;
      }
    }
    add(Severity.ERROR, "key-mismatch", key, rows(key.table()), List.of(),
        key.label() + ": " + key.parent() + "(" + String.join(", ", key.parentColumns())
            + ") is neither the primary key nor UNIQUE; SQLite fails every write to "
            + key.table() + " with \"foreign key mismatch\" (PostgreSQL refuses the DDL)",
        "CREATE UNIQUE INDEX " + quote("ux_" + key.parent() + "_"
            + String.join("_", key.parentColumns())) + " ON " + quote(key.parent()) + " ("
            + columns(null, key.parentColumns()) + "), or reference the primary key");
  }

  private void types(Key key, Table child, Table parent) throws SQLException {
    for (int i = 0; i < key.columns().size(); i++) {
      Column c = child.column(key.columns().get(i)).orElse(null);
      Column p = parent.column(key.parentColumns().get(i)).orElse(null);
      if (c == null || p == null || sameType(c.type(), p.type())) {
        continue;
      }
      long count = Sql.count(connection, "SELECT count(*) FROM " + quote(key.table())
          + " WHERE " + quote(c.name()) + " IS NOT NULL");
      add(Severity.WARNING, "type-mismatch", key, count, List.of(),
          key.table() + "." + c.name() + " is " + describe(c.type()) + " but " + key.parent()
              + "." + p.name() + " is " + describe(p.type())
              + ": equal-looking keys (1 and '1') may not match",
          "declare " + key.table() + "." + c.name() + " with the parent's type " + p.type());
    }
  }

  private boolean sameType(String child, String parent) {
    if (schema.dialect() == SourceSchema.Dialect.SQLITE) {
      return SchemaShapes.affinity(child).equals(SchemaShapes.affinity(parent));
    }
    return child.equalsIgnoreCase(parent);
  }

  private String describe(String type) {
    String declared = type == null || type.isEmpty() ? "untyped" : type;
    return schema.dialect() == SourceSchema.Dialect.SQLITE
        ? declared + " (" + SchemaShapes.affinity(type) + " affinity)" : declared;
  }

  private void indexed(Key key, Table child) throws SQLException {
    if (startsWith(child.primaryKey(), key.columns())) {
      return;
    }
    for (Index index : child.indexes()) {
      if (index.where() == null && startsWith(index.columns(), key.columns())) {
        return;
      }
    }
    long rows = rows(child.name());
    add(Severity.WARNING, "unindexed-key", key, rows, List.of(),
        key.label() + " has no index on " + key.table() + "("
            + String.join(", ", key.columns()) + "): each delete or key update in "
            + key.parent() + " scans all " + rows + " rows of " + key.table(),
        "CREATE INDEX " + quote("idx_" + key.table() + "_" + String.join("_", key.columns()))
            + " ON " + quote(key.table()) + " (" + columns(null, key.columns()) + ")");
  }

  private long orphans(Key key, Table child, Table parent) throws SQLException {
    String where = " FROM " + quote(child.name()) + " c WHERE " + allNotNull("c", key.columns())
        + " AND NOT EXISTS (SELECT 1 FROM " + quote(parent.name()) + " p WHERE "
        + match(key) + ")";
    long count = Sql.count(connection, "SELECT count(*)" + where);
    if (count == 0) {
      return 0;
    }
    List<String> samples =
        Sql.samples(connection, child.primaryKeyAnd(key.columns()), where, SAMPLES);
    add(Severity.ERROR, "orphans", key, count, samples,
        count + " row(s) of " + key.table() + " refer to no row of " + key.parent()
            + " through " + key.label(),
        "insert the missing " + key.parent() + " rows, or DELETE FROM " + quote(key.table())
            + " AS c WHERE " + allNotNull("c", key.columns()) + " AND NOT EXISTS (SELECT 1 FROM "
            + quote(key.parent()) + " p WHERE " + match(key) + ")");
    return count;
  }

  private static String match(Key key) {
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < key.columns().size(); i++) {
      terms.add("p." + quote(key.parentColumns().get(i)) + " = c." + quote(key.columns().get(i)));
    }
    return String.join(" AND ", terms);
  }

  private long rows(String table) throws SQLException {
    return Sql.count(connection, "SELECT count(*) FROM " + quote(table));
  }

  private void add(Severity severity, String kind, Key key, long count, List<String> samples,
      String message, String fix) {
    problems.add(new Problem(severity, kind, key.table(), key.columns(), key.name(), count,
        samples, message, fix));
  }

  static boolean startsWith(List<String> full, List<String> prefix) {
    if (prefix.isEmpty() || full.size() < prefix.size()) {
      return false;
    }
    for (int i = 0; i < prefix.size(); i++) {
      if (!full.get(i).equalsIgnoreCase(prefix.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> lower(List<String> names) {
    Set<String> set = new HashSet<>();
    names.forEach(n -> set.add(n.toLowerCase(Locale.ROOT)));
    return set;
  }
}
