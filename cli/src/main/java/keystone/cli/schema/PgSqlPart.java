package keystone.cli.schema;

import java.util.List;

/**
 * A token of PostgreSQL's SQL, or a parenthesised or bracketed group of them ({@code items}; a
 * group already rewritten keeps its text and no items), with the whitespace before it (" " or
 * ""), so that rewritten SQL keeps the spacing PostgreSQL printed.
 */
record PgSqlPart(String before, String text, boolean literal, List<PgSqlPart> items) {
  static PgSqlPart leaf(String before, String text, boolean literal) {
    return new PgSqlPart(before, text, literal, null);
  }

  boolean is(String word) {
    return items == null && text.equalsIgnoreCase(word);
  }

  boolean group(String open) {
    return items != null && text.startsWith(open);
  }

  boolean word() {
    return items == null && (Character.isLetter(text.charAt(0)) || text.startsWith("\""));
  }

  /** The parts as SQL text, each with its whitespace before it. */
  static String text(List<PgSqlPart> parts) {
    StringBuilder s = new StringBuilder();
    for (PgSqlPart p : parts) {
      s.append(p.before());
      if (p.items() == null || p.items().isEmpty() && !p.text().matches("[(\\[]")) {
        s.append(p.text());
      } else {
        String close = p.text().equals("(") ? ")" : "]";
        s.append(p.text()).append(text(p.items()).strip()).append(close);
      }
    }
    return s.toString();
  }

  /** Thrown inside a rewrite when a shape has no SQLite counterpart; the message says which. */
  static final class Refused extends RuntimeException {
    Refused(String why) {
      super(why, null, false, false);
    }
  }
}
