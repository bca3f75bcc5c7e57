package keystone.processor.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a keyset page query must have at its top level: its last ORDER BY, as column names
 * and directions, and a {@code LIMIT :n} without OFFSET. Literals, comments and anything in
 * parentheses (subqueries, the {@code (a, b) > (:a, :b)} comparison) are masked first, so only
 * the statement's own clauses count.
 */
public final class KeysetSql {
  private static final Pattern ORDER_BY = Pattern.compile("\\bORDER\\s+BY\\b");
  private static final Pattern END_OF_ORDER = Pattern.compile("\\b(LIMIT|OFFSET)\\b");
  private static final Pattern LIMIT = Pattern.compile("\\bLIMIT\\s+:(\\w+)\\s*$");
  private static final Pattern COLUMN =
      Pattern.compile("(?:(?:\"[^\"]+\"|\\w+)\\.)?(\"[^\"]+\"|\\w+)");

  private KeysetSql() {}

  /** One ORDER BY term: the column it names (null for an expression), and its direction. */
  public record Term(String column, boolean descending, String text) {}

  /**
   * @param orderBy the last top-level ORDER BY, empty when there is none
   * @param limit the parameter of a top-level {@code LIMIT :n} ending the statement, or null
   */
  public record Keyset(List<Term> orderBy, String limit) {}

  public static Keyset read(String sql) {
    String masked = mask(sql);
    String upper = masked.toUpperCase(Locale.ROOT);
    Matcher order = ORDER_BY.matcher(upper);
    int start = -1;
    while (order.find()) {
      start = order.end();
    }
    List<Term> terms = new ArrayList<>();
    if (start >= 0) {
      Matcher end = END_OF_ORDER.matcher(upper);
      int stop = end.find(start) ? end.start() : masked.length();
      for (String part : sql.substring(start, stop).split(",")) {
        terms.add(term(part.strip()));
      }
    }
    Matcher limit = LIMIT.matcher(masked.strip());
    return new Keyset(terms, limit.find() ? limit.group(1) : null);
  }

  private static Term term(String text) {
    String[] words = text.split("\\s+");
    boolean descending = false;
    for (int i = 1; i < words.length; i++) {
      descending |= words[i].equalsIgnoreCase("DESC");
    }
    Matcher m = COLUMN.matcher(words[0]);
    String column = m.matches() ? unquote(m.group(1)) : null;
    return new Term(column, descending, text);
  }

  private static String unquote(String name) {
    return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
  }

  /** The SQL with literals, comments and parenthesised parts blanked out, same length. */
  static String mask(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int depth = 0;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      boolean comment = sql.startsWith("--", i) || sql.startsWith("/*", i);
      if (c == '\'' || comment) {
        int end = c == '\'' ? sql.indexOf('\'', i + 1) + 1
            : c == '-' ? sql.indexOf('\n', i) : sql.indexOf("*/", i) + 2;
        end = end <= i ? sql.length() : end;
        out.append(" ".repeat(end - i));
        i = end;
        continue;
      }
      if (c == '(') {
        depth++;
      }
      out.append(depth > 0 ? ' ' : c);
      if (c == ')' && depth > 0) {
        depth--;
      }
      i++;
    }
    return out.toString();
  }
}
