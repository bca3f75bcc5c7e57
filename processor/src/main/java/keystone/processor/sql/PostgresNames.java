package keystone.processor.sql;

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
