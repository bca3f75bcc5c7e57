package keystone.engine.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import keystone.engine.spi.ForeignKeyInfo;
import keystone.engine.spi.Schema;

/**
 * Whether the server takes {@code DEFERRABLE} keys. PostgreSQL does, and Keystone declares every
 * key {@code DEFERRABLE INITIALLY IMMEDIATE} (or {@code DEFERRED}) so that
 * {@code deferForeignKeys()} can use {@code SET CONSTRAINTS ALL DEFERRED}. CockroachDB refuses
 * the clause (cockroachdb/cockroach#31632): for such engines the clause is taken out of every
 * statement Keystone writes itself, the schema, its migrations, so each key is checked at the end
 * of its statement (https://www.postgresql.org/docs/current/sql-createtable.html, "DEFERRABLE").
 * A user's own raw SQL is sent as written.
 */
final class PgKeyDeferral {
  private static final String[] CLAUSES = {
    " DEFERRABLE INITIALLY IMMEDIATE", " DEFERRABLE INITIALLY DEFERRED"
  };

  static final String REFUSED =
      "deferForeignKeys() needs DEFERRABLE foreign keys, and this database was opened with"
          + " deferrableKeys(false) (for engines such as CockroachDB that refuse DEFERRABLE"
          + " constraints), so every key is checked at the end of its statement: write parents"
          + " before their children instead";

  private PgKeyDeferral() {}

  /** The schema with every key immediate: its DDL without the clause, no key marked deferred. */
  static Schema immediate(Schema schema) {
    List<String> ddl = new ArrayList<>();
    schema.postgresStatements().forEach(s -> ddl.add(immediate(s)));
    List<ForeignKeyInfo> keys = new ArrayList<>();
    for (ForeignKeyInfo k : schema.foreignKeys()) {
      keys.add(new ForeignKeyInfo(k.name(), k.childTable(), k.childColumns(), k.parentTable(),
          k.parentColumns(), k.onDelete(), k.onUpdate(), false));
    }
    return new Schema(schema.version(), schema.statements(), schema.tables(), keys, ddl);
  }

  /** {@code ddl} without Keystone's DEFERRABLE clauses; quoted text is left as it is. */
  static String immediate(String ddl) {
    StringBuilder out = new StringBuilder(ddl.length());
    String upper = ddl.toUpperCase(Locale.ROOT);
    int i = 0;
    while (i < ddl.length()) {
      char ch = ddl.charAt(i);
      if (ch == '\'' || ch == '"') {
        int end = ddl.indexOf(ch, i + 1);
        end = end < 0 ? ddl.length() : end + 1;
        out.append(ddl, i, end);
        i = end;
        continue;
      }
      String clause = clauseAt(upper, i);
      if (clause != null) {
        i += clause.length();
        continue;
      }
      out.append(ch);
      i++;
    }
    return out.toString();
  }

  private static String clauseAt(String upper, int at) {
    for (String clause : CLAUSES) {
      if (upper.startsWith(clause, at)) {
        return clause;
      }
    }
    return null;
  }
}
