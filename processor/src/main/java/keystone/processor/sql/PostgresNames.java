package keystone.processor.sql;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identifier quoting for PostgreSQL, which differs from SQLite's in two ways: unquoted names
 * are folded to lower case, so any name that is not plain lower case must be quoted to keep its
 * spelling (https://www.postgresql.org/docs/14/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS),
 * and its reserved words are not SQLite's.
 */
public final class PostgresNames {
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
  /** NAMEDATALEN - 1: https://www.postgresql.org/docs/14/sql-syntax-lexical.html */
  private static final int MAX_BYTES = 63;

  /**
   * The words that cannot name a table, column, constraint or index unquoted: the "reserved"
   * and "reserved (can be function or type)" rows of
   * https://www.postgresql.org/docs/14/sql-keywords-appendix.html, which are
   * {@code pg_get_keywords()} with {@code catcode} R and T (a test compares the two). The other
   * keywords, {@code time} or {@code position} say, are legal column names as they stand.
   */
  static final Set<String> RESERVED =
      Set.of(
          "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
          "authorization", "binary", "both", "case", "cast", "check", "collate", "collation",
          "column", "concurrently", "constraint", "create", "cross", "current_catalog",
          "current_date", "current_role", "current_schema", "current_time", "current_timestamp",
          "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
          "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group",
          "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull",
          "join", "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp",
          "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer",
          "overlaps", "placing", "primary", "references", "returning", "right", "select",
          "session_user", "similar", "some", "symmetric", "table", "tablesample", "then", "to",
          "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when",
          "where", "window", "with");

  private PostgresNames() {}

  /** Quotes only identifiers that need it, so the DDL reads like hand-written PostgreSQL. */
  public static String quote(String identifier) {
    if (PLAIN.matcher(identifier).matches()
        && !RESERVED.contains(identifier.toLowerCase(Locale.ROOT))) {
      return identifier;
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /**
   * The name PostgreSQL gives a constraint or index it names itself, such as
   * {@code users_email_key} or {@code orders_pkey}: its {@code makeObjectName}, which shortens the
   * longer of the two names until the whole fits in 63 bytes
   * (https://github.com/postgres/postgres/blob/REL_14_STABLE/src/backend/commands/indexcmds.c).
   * It adds a number when the name is taken; Keystone's own names never take these.
   *
   * @param column null for a name of the table alone
   */
  public static String implicit(String table, String column, String label) {
    int overhead = label.length() + 1 + (column == null ? 0 : 1);
    byte[] first = table.getBytes(StandardCharsets.UTF_8);
    byte[] second = column == null ? new byte[0] : column.getBytes(StandardCharsets.UTF_8);
    int firstBytes = first.length;
    int secondBytes = second.length;
    while (firstBytes + secondBytes > MAX_BYTES - overhead) {
      if (firstBytes > secondBytes) {
        firstBytes--;
      } else {
        secondBytes--;
      }
    }
    return clip(table, firstBytes) + (column == null ? "" : "_" + clip(column, secondBytes)) + "_"
        + label;
  }

  /** The longest prefix of whole characters within {@code bytes} UTF-8 bytes. */
  private static String clip(String name, int bytes) {
    int end = 0;
    int used = 0;
    while (end < name.length()) {
      int next = name.offsetByCodePoints(end, 1);
      used += name.substring(end, next).getBytes(StandardCharsets.UTF_8).length;
      if (used > bytes) {
        break;
      }
      end = next;
    }
    return name.substring(0, end);
  }

  public static String quoteAll(Iterable<String> identifiers) {
    StringBuilder out = new StringBuilder();
    for (String id : identifiers) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(quote(id));
    }
    return out.toString();
  }
}
