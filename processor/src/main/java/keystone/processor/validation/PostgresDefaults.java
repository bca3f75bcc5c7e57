package keystone.processor.validation;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.EntityModel;
import keystone.processor.sql.Ddl;

/**
 * {@code @Column(postgresDefault)}. The processor builds every schema in SQLite, which cannot
 * read PostgreSQL's expressions, so it checks only that the text is one expression that ends
 * where the column definition goes on: PostgreSQL reports anything else when the DDL runs
 * (https://www.postgresql.org/docs/14/sql-createtable.html, DEFAULT default_expr).
 */
final class PostgresDefaults {
  /** Words that begin a column constraint after the default, at the expression's top level. */
  private static final Set<String> CONSTRAINT_WORDS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE",
      "CHECK", "REFERENCES", "DEFAULT", "GENERATED");
  /** {@code NOT NULL} as a constraint, not the end of {@code x IS NOT NULL}. */
  private static final Pattern NOT_NULL =
      Pattern.compile("(?i)(?<!\\bIS\\s{1,10})\\bNOT\\s+NULL\\b");

  private PostgresDefaults() {}

  static void validate(EntityModel e, ColumnModel c, Report report) {
    String d = c.postgresDefault();
    String why = problem(d);
    if (why != null) {
      report.add(c.source().attribute("postgresDefault"),
          Message.COLUMN_POSTGRES_DEFAULT_INVALID, d, e.table(), c.name(), why);
    } else if (Ddl.rowidAlias(e, c)) {
      report.add(c.source().attribute("postgresDefault"),
          Message.COLUMN_POSTGRES_DEFAULT_GENERATED_KEY, e.table(), c.name());
    } else if ((!c.nullable() || e.isPrimaryKey(c)) && d.trim().equalsIgnoreCase("NULL")) {
      report.add(c.source().attribute("postgresDefault"), Message.COLUMN_POSTGRES_DEFAULT_NULL,
          e.table(), c.name());
    }
  }

  /** Why {@code sql} is not one expression, or null when it may be. */
  static String problem(String sql) {
    if (sql.isBlank()) {
      return "it is blank";
    }
    StringBuilder top = new StringBuilder();
    int depth = 0;
    int i = 0;
    while (i < sql.length()) {
      char ch = sql.charAt(i);
      if (ch == '\'' || ch == '"') {
        boolean backslashes = ch == '\'' && i > 0 && (sql.charAt(i - 1) == 'E'
            || sql.charAt(i - 1) == 'e');
        int end = closing(sql, i, ch, backslashes);
        if (end < 0) {
          return "a " + (ch == '"' ? "double " : "") + "quote is not closed";
        }
        top.append(depth == 0 ? " _ " : "");
        i = end + 1;
        continue;
      }
      if (ch == ';') {
        return "it holds a ';', which would end the statement";
      }
      if (sql.startsWith("--", i) || sql.startsWith("/*", i)) {
        return "it holds a comment";
      }
      depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
      if (depth < 0) {
        return "a ')' closes no '('";
      }
      top.append(depth == 0 && ch != ')' ? ch : ' ');
      i++;
    }
    if (depth != 0) {
      return "a '(' is not closed";
    }
    return constraintWord(top.toString());
  }

  /** The index of the quote that closes the one at {@code open}, or -1. */
  private static int closing(String sql, int open, char quote, boolean backslashes) {
    for (int i = open + 1; i < sql.length(); i++) {
      char ch = sql.charAt(i);
      if (backslashes && ch == '\\') {
        i++;
      } else if (ch == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  /** A constraint that would follow the default, in the expression's top level. */
  private static String constraintWord(String top) {
    if (NOT_NULL.matcher(top).find()) {
      return "NOT NULL after it would be a constraint, not part of the default";
    }
    for (String word : top.toUpperCase(Locale.ROOT).split("[^A-Z_]+")) {
      if (CONSTRAINT_WORDS.contains(word)) {
        return word + " after it would begin a constraint, not part of the default";
      }
    }
    return null;
  }
}
